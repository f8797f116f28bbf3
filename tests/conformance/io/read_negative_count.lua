local f = io.open("read_negative_count.lua")
print(pcall(f.read, f, -1))
f:close()
