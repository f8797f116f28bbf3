-- a field isdst=nil leaves the choice to mktime; the returned table gets a boolean
local t = {year=2024, month=1, day=15}
os.time(t)
print(type(t.isdst))
