print(io.stdout:read())
print(io.stdout:read("a"))
print(io.stdin:write("x"))
