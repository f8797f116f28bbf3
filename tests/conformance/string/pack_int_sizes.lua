local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("b", -1)), hex(string.pack("B", 255)))
print(hex(string.pack("h", -2)), hex(string.pack("H", 65535)))
print(hex(string.pack("i", 1)), hex(string.pack("I", 1)))
print(hex(string.pack("l", -1)), hex(string.pack("L", 1)))
print(hex(string.pack("j", math.mininteger)), hex(string.pack("J", -1)))
print(hex(string.pack("T", 258)))
