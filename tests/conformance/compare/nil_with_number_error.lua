local x
print(pcall(function() return x < 1 end))
print(pcall(function() return x >= 1 end))
