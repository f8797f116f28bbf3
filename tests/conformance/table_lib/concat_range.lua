local t = {"a", "b", "c", "d", "e"}
print(table.concat(t, ",", 2))
print(table.concat(t, ",", 2, 4))
print(table.concat(t, ",", 3, 3))
print("[" .. table.concat(t, ",", 4, 2) .. "]")
print("[" .. table.concat(t, ",", 6) .. "]")
print(table.concat(t, ",", nil, 2))
