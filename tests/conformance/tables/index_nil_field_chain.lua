local t = {a = {}}
print(pcall(function() return t.a.b.c end))
