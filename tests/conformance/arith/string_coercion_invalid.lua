print(pcall(function() return "1e" + 1 end))
print(pcall(function() return "" + 1 end))
print(pcall(function() return "0x" + 1 end))
