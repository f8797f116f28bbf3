local mt = {}
local t = setmetatable({}, mt)
print(pcall(function() return t + 1 end))
mt.__add = function() return "now works" end
print(t + 1)
