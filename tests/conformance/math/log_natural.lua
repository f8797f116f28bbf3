print(math.log(1), math.log(math.exp(1)), math.log(10), math.log(0.5))
print(math.log(0), math.log(-0.0), math.log(math.huge))
print(math.log(-1))
print(math.type(math.log(1)))
