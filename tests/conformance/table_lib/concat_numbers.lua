print(table.concat({1, 2, 3}, "+"))
print(table.concat({1.5, 2.0, -0.0, 1e100, 2^63}, " "))
print(table.concat({math.maxinteger, math.mininteger}, ","))
print(table.concat({"x", 10, "y", 0.1}, ""))
