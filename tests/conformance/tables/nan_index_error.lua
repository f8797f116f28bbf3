local t = {}
print(pcall(function() t[0/0] = 1 end))
