local t = setmetatable({}, {__pairs = function(self) return 1, 2, 3, 4 end})
print(pairs(t))
