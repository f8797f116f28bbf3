local calls = 0
local t = setmetatable({a = 1}, {__index = function() calls = calls + 1 end})
local _ = t.a
local _ = t.b
print(calls)
