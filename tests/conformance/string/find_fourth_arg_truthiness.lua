print(string.find("a.b", ".", 1, false))
print(string.find("a.b", ".", 1, nil))
print(string.find("a.b", ".", 1, 0))
print(string.find("a.b", ".", 1, ""))
