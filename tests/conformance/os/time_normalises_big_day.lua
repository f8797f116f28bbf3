local t = {year=2000, month=1, day=366}
os.time(t)
print(t.year, t.month, t.day, t.yday, t.wday)
local u = {year=2001, month=1, day=366}
os.time(u)
print(u.year, u.month, u.day, u.yday, u.wday)
