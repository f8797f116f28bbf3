local names = {"coroutine", "debug", "io", "math", "os", "package", "string", "table", "utf8"}
for _, n in ipairs(names) do io.write(n, "=", type(_G[n]), " ") end
print()
