print(pcall(string.gmatch, "abc"))
print(pcall(string.gmatch, nil, "a"))
print(pcall(string.gmatch, "abc", "a", "x"))
