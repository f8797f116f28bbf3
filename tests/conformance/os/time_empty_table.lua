print(pcall(os.time, {}))
