mytable = {}
print(pcall(function() mytable() end))
