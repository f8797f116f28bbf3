print(xpcall(function(a, b) return a * b end, print, 6, 7))
print(xpcall(function(a) error(a) end, function(m) return "got " .. m end, "arg"))
