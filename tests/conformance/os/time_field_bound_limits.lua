print((pcall(os.time, {year=2024, month=-2^31 + 1, day=1})))
print(pcall(os.time, {year=2024, month=-2^31, day=1}))
print(pcall(os.time, {year=-2^31 + 1899, month=1, day=1}))
