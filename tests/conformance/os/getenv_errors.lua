print(pcall(os.getenv))
print(pcall(os.getenv, {}))
print(pcall(os.getenv, nil))
