local t = {year=2024, month=0, day=1}
os.time(t)
print(t.year, t.month, t.day, t.yday)
local u = {year=2024, month=-13, day=1}
os.time(u)
print(u.year, u.month, u.day, u.yday)
