print(pcall(function() return 1 % 0 end))
