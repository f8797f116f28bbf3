local k1, k2 = {}, {}
local t = {[k1] = "one", [k2] = "two"}
print(t[k1], t[k2], t[{}])
