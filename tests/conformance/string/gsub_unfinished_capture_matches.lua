-- an unclosed capture still matches; only using the capture fails
print(("abc"):gsub("(", ""))
print(pcall(string.gsub, "abc", "(", "%1"))
print(pcall(string.gsub, "abc", "(", function(x) return x end))
