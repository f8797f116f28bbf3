local t = {"a", "b", "c", x = "ignored"}
for i, v in ipairs(t) do io.write(i, v, " ") end
print()
