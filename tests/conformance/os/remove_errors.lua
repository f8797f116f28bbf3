print(pcall(os.remove))
print(pcall(os.remove, {}))
