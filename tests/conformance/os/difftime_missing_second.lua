print(pcall(os.difftime, 1))
print(pcall(os.difftime))
