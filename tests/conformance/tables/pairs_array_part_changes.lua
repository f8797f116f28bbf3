-- pairs over the array part: holes, the hash part after it, fields cleared and the array
-- part shrinking during the traversal, an array of holes only
local t = {1, 2, 3, nil, 5, x = 1, y = 2}
t[7] = 7
local seen = {}
for k, v in pairs(t) do seen[#seen+1] = tostring(k) .. "=" .. tostring(v) end
table.sort(seen) print(table.concat(seen, " "))
-- clearing during traversal
local a = {1, 2, 3, 4, 5, 6}
local n = 0
for k, v in pairs(a) do a[k] = nil; n = n + v end
print(n, #a, next(a))
-- shrinking from the end during traversal
local b = {1, 2, 3, 4, k = "v"}
local keys = {}
for k in pairs(b) do keys[#keys+1] = tostring(k); if k == 2 then b[4] = nil; b[3] = nil end end
print(table.concat(keys, ","))
-- holes only
local h = {nil, nil, 3}
for k, v in pairs(h) do print(k, v) end
local e = {}
for k, v in pairs(e) do print("never") end
print(pcall(function() for k, v in pairs(nil) do end end))
