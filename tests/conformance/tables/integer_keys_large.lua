local t = {}
t[math.maxinteger] = "max"
t[math.mininteger] = "min"
print(t[math.maxinteger], t[math.mininteger], #t)
