local a, b = 10, 0
print(a % b)
