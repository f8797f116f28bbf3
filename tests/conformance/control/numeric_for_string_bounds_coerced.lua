for i = "1", 2 do io.write(tostring(i), " ") end
print()
for i = 1, "2" do io.write(tostring(i), " ") end
print()
