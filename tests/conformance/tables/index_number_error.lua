local n = 1
print(pcall(function() return n.x end))
print(pcall(function() return (5).x end))
