local t
t = setmetatable({}, {__index = function(tbl, k) return tbl == t, k end})
print(t.anything)
