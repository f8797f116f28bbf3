print(pcall(os.date, "!%c", 1.5))
print(pcall(os.date, "!%c", "x"))
print(pcall(os.date, "!%c", {}))
print(pcall(os.date, {}))
