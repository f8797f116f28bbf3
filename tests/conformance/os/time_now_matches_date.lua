local t = os.time()
local back = os.time(os.date("*t", t))
print(back == t)
