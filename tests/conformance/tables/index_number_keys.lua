-- t[k] reads with number keys: array slots, holes, float keys, keys outside the array part,
-- a metatable's __index for absent slots, and values that are not tables
local t = { 10, 20, nil, 40 }
local keys = { 1, 2, 3, 4, 5, 0, -1, 2.0, 1.5, "1", 2^53, -0.0, 0/0 }
for _, k in ipairs(keys) do print(k, t[k]) end
for i = 1, 5 do print(i, t[i], t[i + 0.0], t[i - 1]) end
local seen = setmetatable({ 1 }, { __index = function(_, k) return "miss " .. tostring(k) end })
print(seen[1], seen[2], seen[1.0], seen[0], seen[-3], seen[2.5])
local s = "abc"
print(s[1], ("x")[2])
print(pcall(function() return (1)[16] end))
print(pcall(function() local n = 5; return n[1] end))
print(pcall(function() local b = true; local i = 1; return b[i] end))
local grid = {}
for i = 1, 3 do grid[i] = { i, i * 2 } end
local sum = 0
for i = 1, 3 do for j = 1, 2 do sum = sum + grid[i][j] end end
print(sum)
