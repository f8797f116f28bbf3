t = {}
print(pcall(function() return t & 1 end))
