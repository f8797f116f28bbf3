print(math.log10(1000), math.log10(1), math.log10(0), math.log10(2))
print(math.atan2(1, 1), math.atan2(0, -1))
print(math.log10(-1))
