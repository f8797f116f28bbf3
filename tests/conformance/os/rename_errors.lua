print(pcall(os.rename, "a"))
print(pcall(os.rename))
print(pcall(os.rename, "a", {}))
