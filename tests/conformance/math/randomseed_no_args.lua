local a, b = math.randomseed()
print(math.type(a), math.type(b))
local r = math.random(1, 10)
print(r >= 1 and r <= 10)
