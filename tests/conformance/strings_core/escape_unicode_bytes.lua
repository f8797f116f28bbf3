local s = "\u{7FFFFFFF}"
for i = 1, #s do io.write(s:byte(i), " ") end
print()
local e = "\u{80}\u{800}\u{10000}"
for i = 1, #e do io.write(e:byte(i), " ") end
print()
