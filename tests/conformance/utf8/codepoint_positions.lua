local s = "a\u{E9}b\u{20AC}c"
print(utf8.codepoint(s, 2))
print(utf8.codepoint(s, 4))
print(utf8.codepoint(s, 5))
print(utf8.codepoint(s, -1))
print(utf8.codepoint(s, 2, 4))
print(utf8.codepoint(s, 1, 2))
