print("9223372036854775807" + 0)
print("9223372036854775808" + 0)
print("0xffffffffffffffff" + 0)
