print(pcall(rawget, "s", 1))
print(pcall(rawget, {}))
print(pcall(rawset, {}, 1))
