local t = {}
print(pcall(function() t.a.b = 1 end))
