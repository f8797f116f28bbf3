local f = io.open("read_count_formats_mixed.data")
print(f:read(2, "l", "n", 1, "a"))
f:close()
