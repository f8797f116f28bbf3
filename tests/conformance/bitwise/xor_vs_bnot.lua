local a = 0xf0
print(a ~ 0xff, ~a & 0xff)
print(5 ~ 5, 5 ~ 0)
