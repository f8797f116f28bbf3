local a = os.time{year=2024, month=1, day=10, hour=12}
local b = os.time{year=2024, month=1, day=11, hour=12}
print(b - a)
local c = os.time{year=2024, month=1, day=10, hour=12, min=1, sec=2}
print(c - a)
