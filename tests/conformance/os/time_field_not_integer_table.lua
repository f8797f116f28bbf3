print(pcall(os.time, {year=2024, month=1, day=1, min={}}))
