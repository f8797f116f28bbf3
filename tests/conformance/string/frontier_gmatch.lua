for w in ("one two  three"):gmatch("%f[%S]%S+") do io.write("<", w, ">") end
print()
for p in ("aXbXXc"):gmatch("()%f[X]") do io.write(p, " ") end
print()
