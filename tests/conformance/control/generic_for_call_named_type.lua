-- a for iterator that cannot be called is named by its metatable's __name, as in every
-- other "attempt to call" message; a __name that is not a string is not used
local named = setmetatable({}, { __name = "My.Type" })
print(pcall(function() for x in named do end end))
local numbered = setmetatable({}, { __name = 42 })
print(pcall(function() for x in numbered do end end))
-- a value without __len, through a library function (luaL_len): named the same way
print(pcall(table.unpack, io.stdout))
-- a numeric for's bad initial value, limit or step is named by __name too
print(pcall(function() for i = named, 2 do end end))
print(pcall(function() for i = 1, named do end end))
print(pcall(function() for i = 1, 2, named do end end))
