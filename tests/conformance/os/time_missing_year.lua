print(pcall(os.time, {month=1, day=1}))
