local t = 86400 * 4 + 3600 * 3 + 60 * 4 + 5
print(os.date("!%d|%e|%H|%M|%S|%j|%m", t))
print(os.date("!%e", 86400 * 20))
