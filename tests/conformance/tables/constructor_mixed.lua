local t = {1, 2, x = "x", 3, [10] = "ten", 4}
print(#t, t[1], t[4], t.x, t[10])
