print(pcall(io.open))
print(pcall(io.open, {}))
print(pcall(io.open, "x", {}))
print(pcall(io.open, "x", 1))
