local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<i4", 0x01020304)), hex(string.pack(">i4", 0x01020304)), hex(string.pack("=i4", 0x01020304)))
print(hex(string.pack("<h>h", 1, 1)))
print(hex(string.pack(">I3<I3", 0xabcdef, 0xabcdef)))
