local a = os.time{year=2024, month=1, day=15}
local b = os.time{year=2024, month=1, day=15, hour=0}
print(a - b)
local t = {year=2024, month=1, day=15}
os.time(t)
print(t.hour, t.min, t.sec)
