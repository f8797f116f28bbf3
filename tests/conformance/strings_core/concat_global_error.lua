print(pcall(function() return "x" .. missing end))
