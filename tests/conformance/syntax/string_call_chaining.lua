local s = ("abc"):upper():lower()
print(s)
