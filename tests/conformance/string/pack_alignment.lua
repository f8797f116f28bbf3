local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("!bi", 1, 2)))
print(hex(string.pack("!2bi", 1, 2)))
print(hex(string.pack("!bd", 1, 2.0)))
print(hex(string.pack("!4bh", 1, 2)))
print(hex(string.pack("bi", 1, 2)))
print(string.packsize("!bi"), string.packsize("!bhbd"), string.packsize("!1bd"))
