local f = io.open("read_number_hex_and_exponents.data")
print(f:read("n", "n", "n", "n", "n", "n"))
f:close()
