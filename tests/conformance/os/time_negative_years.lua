local t = {year=-5, month=1, day=1}
os.time(t)
print(t.year, t.month, t.day, t.yday, t.wday)
local a = os.time{year=0, month=3, day=1}
local b = os.time{year=0, month=2, day=28}
print((a - b) // 86400)
