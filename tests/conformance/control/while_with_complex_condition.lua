local a, b = 0, 10
while a < 5 and b > 7 do a = a + 1; b = b - 1 end
print(a, b)
