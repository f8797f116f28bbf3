print(string.gsub("abc", "()b", "[%1]"))
print(string.gsub("abc", "()", "%1"))
