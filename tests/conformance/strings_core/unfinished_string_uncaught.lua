print("no end)
print("x")
