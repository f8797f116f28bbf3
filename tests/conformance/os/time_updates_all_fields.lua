local t = {year=2024, month=7, day=4}
os.time(t)
local keys = {"year", "month", "day", "hour", "min", "sec", "yday", "wday", "isdst"}
for _, k in ipairs(keys) do print(k, type(t[k]), k ~= "isdst" and t[k] or "") end
