print(string.gsub("hello world", "%w+", function(w) return w:upper() end))
print(string.gsub("abc", "%w", function(c) return c:byte() end))
print(string.gsub("a1b2", "(%a)(%d)", function(a, d) return d .. a end))
