-- found by tests/fuzz: glibc returns a NaN argument as it is; a fresh NaN prints "-nan" on x86
local n, p = 0/0, -(0/0)
print(math.log(n), math.log(p), math.log(n, 2), math.log(p, 10), math.log(-1), math.log(-1, 2), math.log(-1, 10))
print(math.asin(n), math.asin(p), math.acos(n), math.acos(p), math.asin(2))
print(math.fmod(n, 1), math.fmod(1, n), math.fmod(p, n), math.fmod(1, 0.0), math.fmod(inf or math.huge, 2))
print(n % p, p % n, n % 1, 1 % p, n ^ p, p ^ n, n ^ 3, p ^ 3)
