local f = io.open("read_count_float_integral.lua")
print(f:read(2.0))
f:close()
