local x = 0.5
print(x | 1)
