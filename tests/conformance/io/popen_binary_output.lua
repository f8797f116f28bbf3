local p = io.popen("printf '\\000\\001\\377'")
local s = p:read("a")
p:close()
print(#s, s == "\0\1\255")
