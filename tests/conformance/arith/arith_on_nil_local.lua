local x
print(pcall(function() local y; return y * 2 end))
print(pcall(function() return x - 1 end))
