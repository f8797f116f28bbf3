-- method calls on strings look in the string metatable's __index as it is now: a
-- function, another table, the library again, a field added to string
local s = "abc"
print(s:upper(), ("x"):rep(3))
local mt = getmetatable("")
local old = mt.__index
mt.__index = function(str, k) return function(self, ...) return "custom " .. k end end
print(s:upper())
mt.__index = { upper = function() return "tbl" end }
print(s:upper(), pcall(function() return s:lower() end))
mt.__index = old
print(s:upper())
string.shout = function(x) return x:upper() .. "!" end
print(s:shout())
print(pcall(function() local n = 5; return n:foo() end))
