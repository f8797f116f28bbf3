print(math.floor(3), math.ceil(3), math.floor(-3), math.ceil(-3))
print(math.floor(math.maxinteger), math.ceil(math.mininteger))
print(math.type(math.floor(3)), math.type(math.ceil(-7)))
