local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("z", "abc")), hex(string.pack("zz", "", "x")))
print(pcall(string.pack, "z", "a\0b"))
print(string.unpack("zz", "ab\0cd\0"))
print(pcall(string.unpack, "z", "abc"))
