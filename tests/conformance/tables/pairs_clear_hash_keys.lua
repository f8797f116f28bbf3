-- clearing the current field during a traversal is allowed for every kind of key: booleans,
-- floats, tables, integers beyond the array part, strings of a large table
local t = {[true] = 1, [false] = 2, [1.5] = 3, [{}] = 4, [100] = 5}
local n = 0
for k, v in pairs(t) do t[k] = nil; n = n + v end
print(n, next(t))
local d = {}
for i = 1, 40 do d["k" .. i] = i end
local m = 0
for k, v in pairs(d) do d[k] = nil; m = m + v end
print(m, next(d))
