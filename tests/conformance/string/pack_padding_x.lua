local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("bxb", 1, 2)), hex(string.pack("xxx")), string.packsize("x"))
print(string.unpack("bxb", "\1\0\2"))
