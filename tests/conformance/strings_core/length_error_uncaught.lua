local n = 42
print(#n)
