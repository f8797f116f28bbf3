local a, b
print(a, b)
local c; c = 5
print(c)
