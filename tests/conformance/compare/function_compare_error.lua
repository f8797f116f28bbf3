local f = print
print(pcall(function() return f < f end))
print(f == f)
