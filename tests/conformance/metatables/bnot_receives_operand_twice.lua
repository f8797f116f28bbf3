local v = setmetatable({}, {__bnot = function(a, b) return rawequal(a, b) end})
print(~v)
