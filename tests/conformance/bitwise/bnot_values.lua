print(~0x7fffffffffffffff, ~math.mininteger)
print(~0xff)
