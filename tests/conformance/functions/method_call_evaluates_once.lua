local count = 0
local inner = {c = function(self, x) return x * 2 end}
local a = setmetatable({}, {__index = function(t, k) count = count + 1; return inner end})
print(a.b:c(21))
print(count)
