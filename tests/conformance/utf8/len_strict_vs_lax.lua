local sur = "x\u{DFFF}y"
print(utf8.len(sur))
print(utf8.len(sur, 1, -1, true))
local big = utf8.char(0x7FFFFFFF, 0x110000)
print(utf8.len(big))
print(utf8.len(big, 1, -1, true))
print(utf8.len("\u{10FFFF}"))
