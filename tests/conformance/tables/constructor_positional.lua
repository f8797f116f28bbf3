local t = {10, 20, 30}
print(#t, t[1], t[2], t[3], t[4])
