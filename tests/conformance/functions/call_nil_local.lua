local f
print(pcall(function() local g; g() end))
print(pcall(function() f() end))
