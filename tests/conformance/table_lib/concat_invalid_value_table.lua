print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {"a", "b", true}, ","))
print(pcall(table.concat, {"a", print}))
