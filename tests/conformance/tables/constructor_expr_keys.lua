local k = "key"
local t = {[k] = 1, [1 + 1] = "two", [k .. "2"] = 3}
print(t.key, t[2], t.key2)
