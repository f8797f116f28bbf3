print(string.match("abc123def456", "%d+", 7))
print(string.match("abc123def456", "%d+", -3))
print(string.match("abc", ".", 10))
print(string.match("abc", "()", 4))
