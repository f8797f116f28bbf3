print(xpcall(function() error("x", 0) end, function(m) return m, "second" end))
