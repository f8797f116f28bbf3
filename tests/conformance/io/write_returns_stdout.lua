print(io.write("x") == io.stdout)
print(io.write() == io.stdout)
