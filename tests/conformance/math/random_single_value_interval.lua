math.randomseed(1)
print(math.random(5, 5), math.random(-3, -3), math.random(1), math.random(math.maxinteger, math.maxinteger))
print(math.random(1 << 53, (1 << 53) + 3), math.random(math.mininteger, math.mininteger))
