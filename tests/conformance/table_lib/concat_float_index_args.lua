print(table.concat({"a", "b", "c"}, "", 2.0, 3.0))
print(table.concat({"a", "b", "c"}, "", "2", "3"))
