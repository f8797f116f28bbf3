print(math.modf(math.huge))
print(math.modf(-math.huge))
local i, f = math.modf(0/0)
print(i ~= i, f ~= f)
