local m = {}
print(m.mask & 1)
