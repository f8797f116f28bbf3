print(string.format("%q %q %q", 0, -7, 123456789012))
print(string.format("%q", math.maxinteger))
print(string.format("%q", math.mininteger))
