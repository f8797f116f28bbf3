local mt = setmetatable({}, {__index = function() return function() return "nope" end end})
local t = setmetatable({}, mt)
print(pcall(function() return t + 1 end))
