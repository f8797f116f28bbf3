local m = {abs = math.abs}
print(pcall(function() return m.abs("z") end))
local f = math.floor
print(pcall(function() return f({}) end))
