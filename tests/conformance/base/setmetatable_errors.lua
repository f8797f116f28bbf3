print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable))
print(pcall(setmetatable, "s", {}))
