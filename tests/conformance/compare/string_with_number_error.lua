print(pcall(function() return "1" < 2 end))
print(pcall(function() return 2 < "1" end))
