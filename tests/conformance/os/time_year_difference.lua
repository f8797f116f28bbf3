local a = os.time{year=2023, month=1, day=10}
local b = os.time{year=2024, month=1, day=10}
local c = os.time{year=2025, month=1, day=10}
print((b - a) // 86400, (c - b) // 86400)
