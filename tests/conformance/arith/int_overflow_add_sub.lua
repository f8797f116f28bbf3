local big = math.maxinteger
print(big + big, big - -1)
print(math.mininteger + math.mininteger)
