local s = "a\u{E9}b\u{20AC}c"
for n = 1, 6 do io.write(tostring(utf8.offset(s, n)), " ") end
print()
for n = -1, -6, -1 do io.write(tostring(utf8.offset(s, n)), " ") end
print()
