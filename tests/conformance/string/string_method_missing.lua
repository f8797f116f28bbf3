local s = "abc"
print(pcall(function() return s:nosuch() end))
print(s.nosuch)
