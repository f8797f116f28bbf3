local t = setmetatable({}, {__call = function() return "called" end})
print(t())
print(pcall(coroutine.create, t))
print(pcall(coroutine.wrap, t))
