local seen = {}
local t = setmetatable({}, {__index = function(_, k) seen[#seen + 1] = type(k); return nil end})
local _ = t[1], t.x, t[true], t[1.5]
print(table.concat(seen, " "))
