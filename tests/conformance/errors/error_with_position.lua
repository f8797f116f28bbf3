print(pcall(function() error("msg") end))
