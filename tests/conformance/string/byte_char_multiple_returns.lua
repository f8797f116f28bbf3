local t = {string.byte("hello", 1, -1)}
print(#t, string.char(table.unpack(t)))
print(string.char(string.byte("xyz", 1, 3)))
