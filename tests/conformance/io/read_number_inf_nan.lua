local f = io.open("read_number_inf_nan.data")
print(f:read("n"))
print(f:read("a"))
f:close()
