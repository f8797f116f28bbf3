print(pcall(os.time, {year=2024, day=1}))
