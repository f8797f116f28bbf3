local function hyp(a, b) return math.sqrt(a * a + b * b) end
print(hyp(3, 4), hyp(5, 12))
local r = 10
print(math.floor(math.pi * r * r), math.floor(2 * math.pi * r + 0.5))
print(math.max(table.unpack({4, 9, 2, 7})))
