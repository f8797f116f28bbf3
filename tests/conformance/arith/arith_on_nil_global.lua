print(pcall(function() return undefinedvar + 1 end))
