local s = "\u{20AC}\u{20AC}"
print(utf8.len(s, 1, 1), utf8.len(s, 1, 3), utf8.len(s, 1, 4), utf8.len(s, 4, 6))
print(utf8.len(s, 2, 3))
