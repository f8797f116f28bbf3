local c = os.clock()
print(type(c), c >= 0)
