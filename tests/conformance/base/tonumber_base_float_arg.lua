print(tonumber("11", 2.0))
print(pcall(tonumber, "11", 2.5))
