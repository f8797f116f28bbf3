print(string.gsub("a.b", "%.", "%%"))
print(string.gsub("path/to/file", "/", "\\"))
print(string.gsub("x", "x", "\0"):byte(1, -1))
