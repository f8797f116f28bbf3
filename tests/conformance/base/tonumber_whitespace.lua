print(tonumber(" \t\n10\n"), tonumber("1 0"), tonumber("\v\f12\r"))
print(tonumber("- 1"), tonumber("+1"), tonumber("+ 1"))
