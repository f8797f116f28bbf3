print(math.huge, -math.huge)
print(math.huge > math.maxinteger)
print(math.huge // 1, -math.huge // 1)
