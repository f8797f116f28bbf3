print(string.gsub("abc", "()", function(p) return p .. "," end))
print(string.gsub("hello", "()l", function(p) return math.type(p) end))
