for i = 1.0, 2.0, 0.5 do io.write(tostring(i), " ") end
print()
for i = 1, 2.5 do io.write(tostring(i), " ") end
print()
