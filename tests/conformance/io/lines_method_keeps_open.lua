local f = io.open("lines_method_keeps_open.data")
for l in f:lines() do print(l) end
print(io.type(f))
print(f:read("a"))
f:seek("set")
for a, b in f:lines(1, "l") do print(a, b) end
f:close()
