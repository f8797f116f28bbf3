print(string.gsub("abc", "%w", function(c) if c == "b" then return nil end return "x" end))
print(string.gsub("abc", "%w", function(c) return false end))
print(string.gsub("abc", "%w", function(c) end))
