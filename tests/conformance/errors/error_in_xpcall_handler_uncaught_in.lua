print(xpcall(error, function(m) return "H:" .. tostring(m) end, "boom"))
