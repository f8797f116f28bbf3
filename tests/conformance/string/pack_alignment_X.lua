local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("!4bXi", 1)), hex(string.pack("!8bXd", 1)), hex(string.pack("bXh", 1)))
print(string.packsize("!8bXi"), string.packsize("!8bXi8"), string.packsize("!2bXi8"))
print(pcall(string.pack, "X"))
print(pcall(string.pack, "bXc1", 1))
print(pcall(string.pack, "bXz", 1))
