local s = "abc"
print(pcall(function() return s:gsub() end))
print(pcall(function() return s:gsub("a", true) end))
