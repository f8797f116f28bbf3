-- found by tests/fuzz: C's pow where it differs from JS's Math.pow
local nan, inf = 0/0, math.huge
print(1 ^ nan, nan ^ 0, (-1) ^ inf, (-1) ^ -inf, 1 ^ inf)
print((-0.0) ^ 0.5, (-inf) ^ 0.5, 0.5 ^ inf, 2 ^ -inf, (-0.0) ^ 3, (-0.0) ^ -3)
print((-8) ^ (1 / 3), (-2) ^ 0.5, (-inf) ^ 3, (-inf) ^ -2)
