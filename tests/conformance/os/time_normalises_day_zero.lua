local t = {year=2024, month=3, day=0}
os.time(t)
print(t.year, t.month, t.day, t.yday)
local u = {year=2023, month=3, day=0}
os.time(u)
print(u.year, u.month, u.day, u.yday)
