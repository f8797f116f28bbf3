local t = table.move({1, 2, 3}, 1.0, 3.0, 2.0, {})
print(t[1], t[2], t[3], t[4])
print(pcall(table.move, {1}, 1, 1, 0.5))
