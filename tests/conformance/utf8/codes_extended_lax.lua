local s = utf8.char(0x7FFFFFFF, 0x110000, 65)
for p, c in utf8.codes(s, true) do io.write(p, ":", c, " ") end
print()
print(pcall(function() for p, c in utf8.codes(s) do end end))
