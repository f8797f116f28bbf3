local p = string.rep("()", 33)
print(pcall(string.find, "abc", p))
print(select("#", string.find("abc", string.rep("()", 32))))
