local s = "\u{E9}"
print(utf8.len(s, 2))
print(utf8.len(s, 1, 1))
