print(string.format("%d %d", math.maxinteger, math.mininteger))
print(string.format("%25d|%-25d|", math.mininteger, math.maxinteger))
print(string.format("%d", 9007199254740993))
print(string.format("%.20d", -1))
