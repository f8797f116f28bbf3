local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<d", 1.5)), hex(string.pack(">d", 1.5)))
print(hex(string.pack("<f", 1.5)), hex(string.pack(">f", -0.1)))
print(hex(string.pack("<n", 1/0)), hex(string.pack("<d", 3)))
