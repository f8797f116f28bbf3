local t = {}
t[1], t[1] = 1, 2
print(t[1])
