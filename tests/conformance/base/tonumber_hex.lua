print(tonumber("0x10"), tonumber("0XfF"), tonumber("-0x10"))
print(tonumber("0x"), tonumber("0xg"), tonumber("0x1p4"))
print(tonumber("0x.8"), tonumber("0x1P-1"), tonumber("  0x1p-2  "))
