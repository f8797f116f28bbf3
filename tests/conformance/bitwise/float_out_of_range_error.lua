print(pcall(function() return 2^63 | 0 end))
print(pcall(function() return math.huge & 1 end))
print(pcall(function() return (0/0) ~ 1 end))
