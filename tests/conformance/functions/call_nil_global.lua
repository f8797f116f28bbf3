print(pcall(function() nofunc() end))
