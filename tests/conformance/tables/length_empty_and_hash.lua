local t = {}
print(#t)
t.x = 1
print(#t)
t[1] = "a"
print(#t)
