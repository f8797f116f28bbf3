local t = {year=2024, month=14, day=10, hour=12}
os.time(t)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.yday, t.wday)
