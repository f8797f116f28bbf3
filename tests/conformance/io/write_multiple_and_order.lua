io.write("a", "b", "c")
print("d")
io.write("e\n")
print("f")
