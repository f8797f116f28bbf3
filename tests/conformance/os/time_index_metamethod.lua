local fields = {year=2024, month=5, day=6}
local t = setmetatable({}, {__index = fields})
local a = os.time(t)
print(a == os.time{year=2024, month=5, day=6})
print(rawget(t, "year"), rawget(t, "month"), rawget(t, "day"), rawget(t, "yday"))
