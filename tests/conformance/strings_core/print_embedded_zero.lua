print("a\0b")
io.write("c\0d\n")
print(#"a\0b")
