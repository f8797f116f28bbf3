local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("i1", 127)), hex(string.pack("i2", -32768)), hex(string.pack("i3", 0x123456)))
print(hex(string.pack("I5", 0x0102030405)), hex(string.pack("i7", -1)), hex(string.pack("I8", math.maxinteger)))
