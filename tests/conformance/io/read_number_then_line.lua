local f = io.open("read_number_then_line.data")
print(f:read("n", "l", "l"))
f:close()
