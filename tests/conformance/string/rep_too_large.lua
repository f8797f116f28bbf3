print(pcall(string.rep, "xx", math.maxinteger))
print(pcall(string.rep, "x", math.maxinteger // 2, "yy"))
print(pcall(string.rep, "abc", 1 << 62))
