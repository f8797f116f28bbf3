local t = {}
print(pcall(function() return -t end))
print(pcall(function() local s = "abc"; return -s end))
