print(string.format("%a %a %a", 1/0, -1/0, 5e-324))
print(string.format("%a %a", 2^-1022, 2^1023))
