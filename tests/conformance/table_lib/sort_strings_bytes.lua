local t = {"b", "a\0b", "a", "\255", "A", "a\0a", "\127"}
table.sort(t)
for i = 1, #t do io.write(#t[i], " ") end
print()
for i = 1, #t do io.write(t[i], "|") end
print()
