local a = os.time{year="2024", month="3", day="10"}
local b = os.time{year=2024, month=3, day=10}
print(a == b)
local c = os.time{year=2024.0, month=3.0, day=10.0, sec="0x10"}
print(c - b)
