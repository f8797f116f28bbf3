print(string.gsub("hello world", "o", "0"))
print(string.gsub("hello world", "l+", "L"))
print(string.gsub("hello", "x", "y"))
