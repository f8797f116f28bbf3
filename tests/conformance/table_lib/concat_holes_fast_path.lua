local t = {"a", "b", "c"}
t[2] = nil
print(pcall(table.concat, t, ","))
t[2] = 7
print(table.concat(t, ","))
