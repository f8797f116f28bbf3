print(tonumber("1.5e3"), tonumber("-.5"), tonumber("0.0"), tonumber("-0"))
print(tonumber("-0.0"), math.type(tonumber("-0")))
