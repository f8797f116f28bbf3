local t = {year=2024, month=1, day=31, hour=25, min=-1, sec=70}
os.time(t)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.yday, t.wday)
