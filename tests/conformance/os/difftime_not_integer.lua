print(pcall(os.difftime, 1.5, 1))
print(pcall(os.difftime, 1, "x"))
print(pcall(os.difftime, {}, 1))
