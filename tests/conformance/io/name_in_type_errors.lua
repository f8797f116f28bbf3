print(pcall(setmetatable, io.stdout, {}))
print(pcall(io.open, io.stdout))
