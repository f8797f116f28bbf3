io.write("partial ")
io.write("x", {})
