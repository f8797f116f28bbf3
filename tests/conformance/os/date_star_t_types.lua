local d = os.date("*t", 1700000000)
for _, k in ipairs{"year", "month", "day", "hour", "min", "sec", "yday", "wday", "isdst"} do
  print(k, type(d[k]))
end
