-- #t + 1 wraps around like every Lua integer
local t = setmetatable({}, {__len = function() return math.maxinteger end})
table.insert(t, "w")
print(rawget(t, math.mininteger))
