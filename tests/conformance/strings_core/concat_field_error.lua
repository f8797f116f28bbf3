local cfg = {}
print(pcall(function() return "x" .. cfg.name end))
print(pcall(function() return "x" .. cfg.name .. "y" end))
