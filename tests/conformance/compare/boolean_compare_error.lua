print(pcall(function() return true < false end))
print(pcall(function() return 1 > true end))
