local v = setmetatable({}, {__unm = function(a, b) return rawequal(a, b) end})
print(-v)
