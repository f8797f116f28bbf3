print(table.unpack({1, 2, 3}, 2.0, 3.0))
print(table.unpack({1, 2, 3}, "1", "2"))
