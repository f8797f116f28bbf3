local a, b, c = 1
print(a, b, c)
a, b = 1, 2, 3
print(a, b)
local function two() return "x", "y" end
a, b, c = 0, two()
print(a, b, c)
a, b, c = two(), 0
print(a, b, c)
