-- found by tests/fuzz: lstrlib.c limits string.rep's result to INT_MAX bytes
print(pcall(string.rep, "x", 2^31))
print(pcall(string.rep, "xy", 2^30))
print(pcall(string.rep, "s", 2^53, "s"))
print(#string.rep("ab", 1000, ","))
