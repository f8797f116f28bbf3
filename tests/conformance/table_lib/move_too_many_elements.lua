print(pcall(table.move, {}, -1, math.maxinteger, 1))
print(pcall(table.move, {}, math.mininteger, -1, 1))
