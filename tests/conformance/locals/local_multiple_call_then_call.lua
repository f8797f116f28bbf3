-- found by tests/fuzz: a call before the last expression gives one value, the last call fills the rest
local a, b, c = math.min(2, 1.5, 2), ("s"):sub(1, 1)
print(a, b, c)
local d, e, f = math.max(1, 2), string.byte("xyz", 1, -1)
print(d, e, f)
local g, h, i, j = ("a"):rep(2), tostring(nil), select(2, "p", "q", "r")
print(g, h, i, j)
