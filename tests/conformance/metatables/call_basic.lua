local t = setmetatable({}, {__call = function(self, a, b) return "called", a, b end})
print(t(1, 2))
