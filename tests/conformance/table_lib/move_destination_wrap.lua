print(pcall(table.move, {1, 2}, 1, 2, math.maxinteger))
print(pcall(table.move, {1}, 1, 1, math.maxinteger) ~= nil)
