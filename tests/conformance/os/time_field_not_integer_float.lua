print(pcall(os.time, {year=2024, month=1.5, day=1}))
