print(math.huge > 1e308, -math.huge < math.mininteger)
print(math.huge == math.huge, math.huge == -math.huge)
