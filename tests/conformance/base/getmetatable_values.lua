print(getmetatable({}), getmetatable(1), getmetatable(true))
local mt = {}
print(getmetatable(setmetatable({}, mt)) == mt)
print(pcall(getmetatable))
