local s = "a b\tc\nd\ve\ff\rg"
print((s:gsub("%s", "_")))
print((s:gsub("%S", "x")):byte(1, -1))
