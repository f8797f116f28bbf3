local t = {1, 2, 3}
print(table.remove(t))
print(#t, t[3])
print(table.remove(t), table.remove(t))
print(#t)
print(table.remove(t))
print(select("#", table.remove(t)))
