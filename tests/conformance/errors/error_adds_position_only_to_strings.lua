print(pcall(error, "s"))
print(pcall(error, "s", 1))
print(pcall(function() error("s", 1) end))
print(pcall(function() error(12) end))
