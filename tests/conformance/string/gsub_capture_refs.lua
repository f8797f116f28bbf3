print(string.gsub("hello world", "(%w+)", "<%1>"))
print(string.gsub("hello world", "(%w+) (%w+)", "%2 %1"))
print(string.gsub("abc", "%w", "%0%0"))
print(string.gsub("abc", "", "-"))
