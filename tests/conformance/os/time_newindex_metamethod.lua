local seen = {}
local t = setmetatable({year=2024, month=5, day=6}, {__newindex = function(t, k, v) seen[#seen + 1] = k end})
os.time(t)
for _, k in ipairs(seen) do io.write(k, " ") end
print()
print(t.year, t.month, t.day, t.yday)
