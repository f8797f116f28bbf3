local mt = {}
local function V(x) return setmetatable({x = x}, mt) end
mt.__add = function(a, b) return "add" end
mt.__sub = function(a, b) return "sub" end
mt.__mul = function(a, b) return "mul" end
mt.__div = function(a, b) return "div" end
mt.__mod = function(a, b) return "mod" end
mt.__pow = function(a, b) return "pow" end
mt.__unm = function(a) return "unm" end
mt.__idiv = function(a, b) return "idiv" end
local v = V(1)
print(v + 1, v - 1, v * 1, v / 1, v % 1, v ^ 1, -v, v // 1)
