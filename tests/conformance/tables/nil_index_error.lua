local t = {}
print(pcall(function() t[nil] = 1 end))
