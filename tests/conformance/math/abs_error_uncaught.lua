local x = {}
print(math.abs(x))
