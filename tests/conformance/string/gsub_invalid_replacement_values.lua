print(pcall(string.gsub, "abc", "%w", function() return {} end))
print(pcall(string.gsub, "abc", "%w", {a = true}))
print(pcall(string.gsub, "abc", "%w", function() return print end))
