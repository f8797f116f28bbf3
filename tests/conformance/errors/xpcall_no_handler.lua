print(pcall(xpcall, function() end))
