local s = "unchanged"
local r, n = s:gsub("%d", "x")
print(r, n, r == s)
local r2, n2 = s:gsub("%a", {})
print(r2, n2)
