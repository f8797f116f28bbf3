local a, b = "10", 5
print(a < b)
