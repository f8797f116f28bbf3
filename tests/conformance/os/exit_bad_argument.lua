print(pcall(os.exit, "x"))
print(pcall(os.exit, 1.5))
