local up
print(pcall(function() return up[1] end))
