print(pcall(function() error("msg", 0) end))
