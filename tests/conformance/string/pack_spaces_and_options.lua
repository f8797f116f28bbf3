local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack(" < i2 > i2 ", 1, 1)))
print(pcall(string.pack, "y", 1))
print(pcall(string.pack, "i2 q", 1, 2))
