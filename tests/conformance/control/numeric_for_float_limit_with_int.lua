for i = 1, 3.9 do io.write(i, " ") end
print()
for i = 3, 0.5, -1 do io.write(i, " ") end
print()
for i = 1, -math.huge do io.write("never") end
for i = 1, math.huge do if i > 3 then break end io.write(i, " ") end
print()
