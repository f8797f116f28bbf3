local line = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"
for i = 1, 3000 do io.write(line) end
print("end")
