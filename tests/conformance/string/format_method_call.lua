print(("%d items"):format(3))
print(pcall(function() return ("%d"):format("x") end))
