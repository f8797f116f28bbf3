local x
print(pcall(function() x.y = 1 end))
print(pcall(function() local z; z[1] = 2 end))
