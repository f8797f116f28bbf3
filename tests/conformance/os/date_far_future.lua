print(os.date("!%Y-%m-%d %H:%M:%S", 2^55))
print(os.date("!%Y-%m-%d", 253402300800))
print(os.date("!%c", 4102444800))
