local sur = "\u{D800}"
print(pcall(utf8.codepoint, sur))
print(utf8.codepoint(sur, 1, 1, true))
local big = utf8.char(0x7FFFFFFF)
print(pcall(utf8.codepoint, big))
print(utf8.codepoint(big, 1, 1, true))
print(utf8.codepoint(utf8.char(0x110000), 1, 1, true))
print(utf8.codepoint("\u{10FFFF}"))
