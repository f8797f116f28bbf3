print(math.asin(0), math.acos(1), math.atan(0))
print(math.asin(1), math.acos(0), math.acos(-1), math.atan(1))
print(math.asin(0.5), math.acos(0.5), math.atan(-1))
print(math.asin(2), math.acos(-2))
