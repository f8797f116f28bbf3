print(string.gsub("abc", "b", 5))
print(string.gsub("abc", "b", 2.5))
print(string.gsub("abc", "%w", 0))
