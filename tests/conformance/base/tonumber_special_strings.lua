print(tonumber("inf"), tonumber("nan"), tonumber("infinity"), tonumber("1e500"))
print(tonumber("-1e500"), tonumber("0x1p99999"))
