local s = string.format("%q", math.mininteger)
print(s, load("return " .. s)() == math.mininteger)
