local t = setmetatable({}, {__metatable = {fake = true}})
print(getmetatable(t).fake)
