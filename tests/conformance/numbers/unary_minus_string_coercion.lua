local s = "10"
print(-s, math.type(-s))
print(-"0x10", -" 2.5 ")
