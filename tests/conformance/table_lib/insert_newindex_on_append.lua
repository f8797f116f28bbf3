local t = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v .. "!") end})
table.insert(t, "x")
table.insert(t, "y")
print(t[1], t[2])
