print(math.floor("3.7"), math.ceil("3.2"), math.floor("10"), math.ceil("0x10"))
print(math.type(math.floor("10")))
print(pcall(math.floor, "abc"))
print(pcall(math.ceil))
