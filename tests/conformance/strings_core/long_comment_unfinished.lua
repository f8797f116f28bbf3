--[[ never closed
print("x")
