print(0x1ffffffffffffffff)
print(0x10000000000000000)
