-- lua5.5: __le no longer falls back to 'not (b < a)' (lua5.4.4 keeps LUA_COMPAT_LT_LE; 5.5 and the 5.4 manual do not)
local mt = {__lt = function(a, b) return true end}
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
print(a < b)
print(pcall(function() return a <= b end))
