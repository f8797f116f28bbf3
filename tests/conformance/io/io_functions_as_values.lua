local w = io.write
print(w("x\n") == io.stdout)
local r = io.read
print(pcall(r, "bad"))
