local t = setmetatable({}, {__index = function(tbl, k) return k .. "!" end})
print(t.foo, t[1])
