local t = {add = function(a, b) return a + b end}
local f = t.add
print(f(2, 3), type(f))
