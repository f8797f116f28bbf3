print(pcall(os.date, "*t", 2^60))
print(pcall(os.date, "!%Y", 2^62))
print(pcall(os.date, "!%Y", -2^62))
