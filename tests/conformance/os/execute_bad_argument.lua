print(pcall(os.execute, {}))
