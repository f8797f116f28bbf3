io.stdout:write("a"):write("b"):write("\n")
print(io.stdout:write("") == io.stdout)
