print(pcall(io.write, {}))
print(pcall(io.write, "a", nil))
print(pcall(io.write, "a", true))
