local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("b", -128)), hex(string.pack("b", 127)), hex(string.pack("B", 0)))
print(hex(string.pack("i2", -32768)), hex(string.pack("I2", 65535)))
print(hex(string.pack("I7", (1 << 56) - 1)), hex(string.pack("i7", -(1 << 55))))
