-- found by tests/fuzz: Lua 5.4 compiles x - 0 (integer constant) as x + (-0), so -0.0 - 0 is 0.0
local K <const> = 0
local nz = -0.0
print(nz - 0, nz - K, nz - (1 // 16), nz - 0.0, nz + 0, 0 - nz)
print(("-0.0") - 0, -0.0 - 0, (-1 % 0.5) - 0)
local mt = setmetatable({}, {__sub = function(a, b) return "sub " .. b end})
print(mt - 0, pcall(function() return nil - 0 end))
