print(pcall(utf8.codes))
print(pcall(utf8.codes, nil))
print(pcall(utf8.codes, {}))
local f, s, i = utf8.codes(42)
print(s, i)
for p, c in utf8.codes(42) do io.write(p, ":", c, " ") end
print()
