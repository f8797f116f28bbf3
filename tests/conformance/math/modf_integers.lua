print(math.modf(5))
print(math.modf(-5))
print(math.modf(math.maxinteger))
print(math.type(math.modf(5)), math.type(select(2, math.modf(5))))
