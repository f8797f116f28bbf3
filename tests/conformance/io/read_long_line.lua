local name = os.tmpname()
local f = io.open(name, "w")
local chunk = "0123456789"
for i = 1, 15000 do f:write(chunk) end
f:write("\nshort\n")
f:close()
f = io.open(name)
local l = f:read("l")
print(#l)
print(f:read("l"))
f:seek("set", 0)
print(#f:read("a"))
f:close()
os.remove(name)
