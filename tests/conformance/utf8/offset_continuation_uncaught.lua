local s = "x\u{20AC}"
print(utf8.offset(s, 2, 3))
