local s = "abc"
print(s[1])
print(pcall(function() s.x = 1 end))
