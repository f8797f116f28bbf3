print(pcall(function() return "a" .. {} end))
local t = {}
print(pcall(function() return t .. "" end))
