local t = setmetatable({}, {__name = "MyType"})
print(pcall(string.rep, t))
print(pcall(setmetatable, 1, t))
