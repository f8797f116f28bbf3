print(pcall(function() return 1 < nil end))
