local f = io.input("lines_default_input.data")
for l in io.lines() do print(l) end
print(io.type(f))
f:seek("set")
for l in io.lines(nil, "L") do io.write(l) end
f:close()
io.input(io.stdin)
