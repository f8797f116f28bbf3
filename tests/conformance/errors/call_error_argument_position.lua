local t = {}
print(pcall(function() t.f(1, 2) end))
