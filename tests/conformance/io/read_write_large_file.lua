local name = os.tmpname()
local f = io.open(name, "w")
for i = 1, 50000 do f:write(i, "\n") end
f:close()
local sum, n = 0, 0
for l in io.lines(name, "n") do sum = sum + l n = n + 1 end
print(n, sum)
f = io.open(name)
print(f:seek("end"))
f:close()
os.remove(name)
