local k <const> = 42
local s <const> = "str"
print(k, s, k + 1)
