print(pcall(string.len))
print(pcall(string.len, true))
