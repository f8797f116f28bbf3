local t = {}
t[3] = "c"; t[2] = "b"; t[1] = "a"
print(#t, table.remove(t), #t)
print(table.remove(t, 1), t[1])
