local t
t = setmetatable({}, {__len = function(a, b) return rawequal(a, t) end})
print(#t)
