local x
print(pcall(function() return #x end))
print(pcall(function() return #5 end))
