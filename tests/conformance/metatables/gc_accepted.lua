local t = setmetatable({}, {__gc = function() end})
print(type(t), getmetatable(t).__gc ~= nil)
