print(pcall(table.insert, {}, "x", 1))
print(pcall(table.insert, {}, 1.5, 1))
print(pcall(table.insert, {}, {}, 1))
print(pcall(table.insert, {}, nil, 1))
local t = {}
table.insert(t, "1", "str-pos")
table.insert(t, 1.0, "float-pos")
print(t[1], t[2])
