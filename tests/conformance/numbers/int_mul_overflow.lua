print(math.maxinteger * 2)
print(0x100000000 * 0x100000000)
print(3037000500 * 3037000500)
