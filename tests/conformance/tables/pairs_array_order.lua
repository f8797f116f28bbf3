local t = {"a", "b", "c", "d", "e"}
for k, v in pairs(t) do io.write(k, "=", v, " ") end
print()
