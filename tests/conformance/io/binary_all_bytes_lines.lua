local name = os.tmpname()
local f = io.open(name, "wb")
for i = 0, 255 do f:write(load("return '\\" .. i .. "'")()) end
f:close()
local n, total = 0, 0
for l in io.lines(name, "L") do n = n + 1 total = total + #l end
print(n, total)
os.remove(name)
