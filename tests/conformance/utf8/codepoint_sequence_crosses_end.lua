-- the last character may extend past j: it is decoded whole
local s = "a\u{20AC}"
print(utf8.codepoint(s, 1, 2))
print(pcall(utf8.codepoint, s, 3, 3))
