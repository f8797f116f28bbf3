print(math.huge > math.maxinteger, -math.huge < math.mininteger)
print(math.huge == math.huge, math.huge + 1 == math.huge, math.huge - math.huge ~= math.huge - math.huge)
print(1 / 0 == math.huge, -1 / 0 == -math.huge)
