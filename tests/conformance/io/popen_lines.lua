local p = io.popen("printf 'x\\ny\\nz'")
for l in p:lines() do io.write("[", l, "]") end
print()
print(p:close())
