local x
print(pcall(function() return x.field end))
