print(pcall(function() return 1.5 | 0 end))
print(pcall(function() local x = 2.5; return x & 1 end))
