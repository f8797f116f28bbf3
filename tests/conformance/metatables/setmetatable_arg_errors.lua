print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}))
