-- found by tests/fuzz: '__tostring' must return a string: luaL_error, with the caller's position
local o = setmetatable({}, {__tostring = function() return {} end})
print(pcall(tostring, o))
print(pcall(function() return tostring(o) end))
print(pcall(function() print(o) end))
print(pcall(function() return string.format("%s", o) end))
