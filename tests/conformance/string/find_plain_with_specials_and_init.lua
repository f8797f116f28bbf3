print(string.find("a.b.c", ".", 3, true))
print(string.find("%d%d", "%d", 2, true))
print(string.find("aaa", "a", -1, true))
