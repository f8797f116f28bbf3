print(pcall(load, function() return {} end))
local n = 0
print(pcall(load, function() n = n + 1; if n == 1 then return true end end))
