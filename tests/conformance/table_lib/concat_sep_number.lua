print(table.concat({"a", "b", "c"}, 0))
print(table.concat({1, 2, 3}, 1.5))
print(table.concat({"a", "b"}, "--", 1, 2))
