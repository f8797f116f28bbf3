-- strings have __index but no __len: not a table for concat
print(pcall(table.concat, "abc"))
print(pcall(table.concat, 5))
print(pcall(table.concat, setmetatable({}, {__name = "MyType"}), ","))
