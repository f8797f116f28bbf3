print(pcall(tonumber, "10", 99))
print(pcall(tonumber, "10", 1))
print(pcall(tonumber, "10", 37))
