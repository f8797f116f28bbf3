local p = io.popen("printf 'a b 12'", "r")
print(p:read(1, 2, "n"))
print(p:close())
