-- no table check: luaL_len works on strings and indexing goes through the string metatable
print(select("#", table.unpack("abc")))
