local nan = 0/0
print(1 < nan, 1 > nan, 1 == nan)
print(math.maxinteger < math.huge, math.mininteger > -math.huge)
