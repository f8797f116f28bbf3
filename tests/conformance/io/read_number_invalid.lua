local f = io.open("read_number_invalid.data")
print(f:read("n"))
print(f:read("l"))
f:close()
