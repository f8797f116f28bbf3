print(table.unpack({1, 2, 3}))
print(table.unpack({}))
print(select("#", table.unpack({})))
print(table.unpack({"a"}))
