print(pcall(function() return 1, 2, 3 end))
print(select('#', pcall(function() end)))
