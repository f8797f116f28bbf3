local s = string.rep("x", 200)
print(#string.format("%s", s), #string.format("%5s", s), #string.format("%.99s", s), #string.format("%-99s", s), #string.format("%-99s", "ab"))
print(#string.format("%99s", "a"), #string.format("%.99s", s))
