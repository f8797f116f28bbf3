local s = string.format("%s %s", {}, print)
print((s:gsub("0x%x+", "ADDR")))
