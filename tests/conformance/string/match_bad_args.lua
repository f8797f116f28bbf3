print(pcall(string.match, "abc"))
print(pcall(string.match, nil, "a"))
print(pcall(string.match, "abc", "a", {}))
