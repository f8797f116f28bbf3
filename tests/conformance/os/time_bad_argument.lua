print(pcall(os.time, 1))
print(pcall(os.time, "x"))
print(pcall(os.time, true))
