print(pcall(function() local b = true; return b + 1 end))
print(pcall(function() return -true end))
