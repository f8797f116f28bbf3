local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("s1", "hi")), hex(string.pack(">s2", "hi")), hex(string.pack("s", "")))
print(string.unpack("s1", string.pack("s1", "hello")))
print(pcall(string.pack, "s1", string.rep("x", 256)))
print(#string.pack("s1", string.rep("x", 255)))
