local s = string.rep("ab", 5, ", ")
print(s, #s)
print(#string.rep("x", 1000, "yz"))
