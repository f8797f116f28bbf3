print(pcall(function() return undefinedstr:upper() end))
