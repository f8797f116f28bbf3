local f = io.open("read_number_whitespace.data")
print(f:read("n", "n", "n"))
f:close()
