local t = {}
print(pcall(function() return t.count + 1 end))
print(pcall(function() return t[1] + 1 end))
print(pcall(function() local k = "a"; return t[k] + 1 end))
