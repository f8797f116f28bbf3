print(- - 2, not nil == true, not (1 == 2))
print(not 1 == 2)
print(-3 ^ 2, (-3) ^ 2)
print(#"abc" + 1, -#"abc")
