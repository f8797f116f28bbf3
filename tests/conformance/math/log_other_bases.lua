print(math.log(8, 8), math.log(27, 3), math.log(100, 100), math.log(1, 7))
print(math.log(2, 4), math.log(1024, 32))
print(math.log(5, 1), math.log(5, 0), math.log(5, -2))
print(math.log(2, "2"), math.log("100", 10))
