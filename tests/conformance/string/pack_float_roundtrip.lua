for _, x in ipairs{0.1, -2.5, 1e300, 5e-324, 1/0, -1/0} do
  print(x, string.unpack("d", string.pack("d", x)), string.unpack(">n", string.pack(">n", x)))
end
print(string.unpack("f", string.pack("f", 0.1)))
print(string.unpack("f", string.pack("f", 1e40)))
print(math.type(string.unpack("d", string.pack("d", 3))))
