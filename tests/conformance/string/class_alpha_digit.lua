local s = "abc XYZ 123 _-!"
print((s:gsub("%a", "#")))
print((s:gsub("%d", "#")))
print((s:gsub("%A", ".")))
print((s:gsub("%D", ".")))
