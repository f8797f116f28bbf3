local lo, hi = 10, 1
print(math.random(lo, hi))
