-- found by tests/fuzz: a <const> with a value known at compile time is a constant, not a variable
local s <const> = "str"
local n <const> = 42
local f <const> = 3 * n
local z <const> = 1 / 0
local a, b <const> = 1, "last"
local c <const>, d = "first", 2
print(pcall(function() return s() end))
print(pcall(function() return (s)(true) end))
print(pcall(function() return n() end))
print(pcall(function() return f.x end))
print(pcall(function() return z() end))
print(pcall(function() return b() end))
print(pcall(function() return c() end))
print(pcall(function() return #n end))
print(pcall(function() s.x = 1 end))
