local name = os.tmpname()
local f = io.open(name, "w")
local digits = ""
for i = 1, 201 do digits = digits .. "1" end
f:write(digits, " 5\n")
f:write("1")
for i = 1, 198 do f:write("0") end
f:write(" 6\n")
f:close()
f = io.open(name)
print(f:read("n"))
print(f:read("l"))
print(f:read("n"))
print(f:read("n"))
f:close()
os.remove(name)
