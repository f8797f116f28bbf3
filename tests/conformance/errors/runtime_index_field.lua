local t = {}
print(pcall(function() return t.sub.value end))
