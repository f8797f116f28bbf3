local s = string.rep("a", 300)
print(pcall(string.match, s, string.rep("a?", 300)))
print(pcall(string.match, s, string.rep("a?", 199)) )
print(pcall(string.match, s, string.rep("(", 1) .. string.rep("a?", 198) .. ")"))
