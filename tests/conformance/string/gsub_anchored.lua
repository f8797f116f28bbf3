print(string.gsub("aaa", "^a", "b"))
print(string.gsub("aaa", "^a*", "b"))
print(string.gsub("aaa", "^x", "b"))
print(string.gsub("", "^", "b"))
