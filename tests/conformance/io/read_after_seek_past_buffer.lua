local name = os.tmpname()
local f = io.open(name, "w+")
for i = 1, 10000 do f:write(string and "" or "", i % 10) end
f:seek("set", 9990)
print(f:read("a"))
f:seek("set", 5)
print(f:read(5))
f:close()
os.remove(name)
