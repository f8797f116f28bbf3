local s = "a\u{E9}b\u{20AC}c"
print(utf8.offset(s, 1, 2), utf8.offset(s, 2, 2), utf8.offset(s, 3, 2))
print(utf8.offset(s, -1, 4), utf8.offset(s, -2, 4), utf8.offset(s, -3, 4))
print(utf8.offset(s, 1, #s + 1), utf8.offset(s, 2, #s + 1), utf8.offset(s, -1, #s + 1))
