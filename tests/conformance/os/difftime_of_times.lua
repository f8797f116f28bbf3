local a = os.time{year=2024, month=1, day=1}
local b = os.time{year=2024, month=1, day=2}
print(os.difftime(b, a))
