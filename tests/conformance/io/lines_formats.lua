for n in io.lines("lines_formats.data", "n") do io.write(n, ";") end
print()
for a, b in io.lines("lines_formats.data", 1, 1) do io.write("[", a, "|", b, "]") end
print()
for l in io.lines("lines_formats.data", "L") do io.write(l) end
for l in io.lines("lines_formats.data", "*l") do io.write(l, "/") end
print()
