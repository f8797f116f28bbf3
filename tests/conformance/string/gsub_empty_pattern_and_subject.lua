print(string.gsub("", "", "x"))
print(string.gsub("", "a*", "x"))
print(string.gsub("abc", ".-", "-"))
print(string.gsub("abc", "b*", "-"))
