local s = "a\u{E9}b\u{20AC}c"
for i = 1, #s + 1 do io.write(utf8.offset(s, 0, i), " ") end
print()
print(utf8.offset("", 0), utf8.offset("abc", 0, -1))
