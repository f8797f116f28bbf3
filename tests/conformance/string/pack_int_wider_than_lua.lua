local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("i16", -2)))
print(hex(string.pack("I16", 5)))
print(hex(string.pack(">i12", -1)), hex(string.pack(">i9", 1)))
