print(pcall(os.time, {year=2^31 + 1899, month=12, day=32}))
