local t = {}
t[1.0] = "one"
print(t[1], rawget(t, 1))
t[2] = "two"
print(t[2.0])
t[2^53] = "big"
print(t[math.tointeger(2^53)])
