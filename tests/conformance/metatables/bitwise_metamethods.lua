local mt = {}
mt.__band = function() return "band" end
mt.__bor = function() return "bor" end
mt.__bxor = function() return "bxor" end
mt.__shl = function() return "shl" end
mt.__shr = function() return "shr" end
mt.__bnot = function() return "bnot" end
local v = setmetatable({}, mt)
print(v & 1, v | 1, v ~ 1, v << 1, v >> 1, ~v)
print(1 & v, 2 | v)
