local t = {[-1] = "m", [0] = "z", "a", "b"}
print(table.concat(t, ",", -1, 2))
print(table.concat(t, ",", -1, 0))
