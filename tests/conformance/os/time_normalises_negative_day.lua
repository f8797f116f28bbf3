local t = {year=2024, month=14, day=-3}
os.time(t)
print(t.year, t.month, t.day, t.hour, t.yday, t.wday)
