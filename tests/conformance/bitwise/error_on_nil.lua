print(pcall(function() local x; return x | 1 end))
print(pcall(function() return ~{} end))
