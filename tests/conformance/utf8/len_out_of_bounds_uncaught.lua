local s = "short"
print(utf8.len(s, 10))
