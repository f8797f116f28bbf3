local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("c5", "abc")), hex(string.pack("c3", "abc")), hex(string.pack("c0", "")))
print(pcall(string.pack, "c2", "abc"))
print(pcall(string.pack, "c", "a"))
print(string.unpack("c3c2", "abcde"))
