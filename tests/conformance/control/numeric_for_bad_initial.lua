print(pcall(function() for i = "a", 2 do end end))
print(pcall(function() for i = nil, 2 do end end))
