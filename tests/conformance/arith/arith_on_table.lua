local t = {}
print(pcall(function() return t + 1 end))
print(pcall(function() return 1 + {} end))
