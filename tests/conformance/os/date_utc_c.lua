print(os.date("!%c", 0))
print(os.date("!%c", -1))
print(os.date("!%c", 1700000000))
print(os.date("!%c", 951782400))
