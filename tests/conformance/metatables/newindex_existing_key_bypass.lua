local count = 0
local t = setmetatable({x = 1}, {__newindex = function() count = count + 1 end})
t.x = 2
t.y = 3
print(t.x, t.y, count)
