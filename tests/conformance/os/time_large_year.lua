local a = os.time{year=3000, month=1, day=1}
local b = os.time{year=3001, month=1, day=1}
print((b - a) // 86400)
local t = {year=3000, month=13, day=1}
os.time(t)
print(t.year, t.month)
