print(pcall(function() local n = 1; n() end))
print(pcall(function() ("s")() end))
