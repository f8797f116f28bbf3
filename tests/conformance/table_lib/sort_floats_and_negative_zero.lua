local t = {0.5, -0.0, 0, -1.25, 1e-300, -1e300}
table.sort(t)
for i = 1, #t do io.write(tostring(t[i]), " ") end
print()
