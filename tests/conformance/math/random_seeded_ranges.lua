math.randomseed(2024)
print(math.random(10), math.random(-10, 10), math.random(1 << 40), math.random(3, 2^53))
print(math.random(-2^60, 2^60), math.random(0, 1 << 62), math.random(2^32), math.random(2^32 + 1))
print(math.random(2^33 - 1), math.random(1000000), math.random(7), math.random(1 << 53))
