print(os.date("!%Y-%m-%d %H:%M:%S", -1))
print(os.date("!%Y-%m-%d %H:%M:%S", -86400 * 365))
print(os.date("!%Y-%m-%d %H:%M:%S %A", -2208988800))
print(os.date("!%Y-%m-%d %H:%M:%S %A", -62135596800))
