local t = {}
t[1] = "one"
t["1"] = "string one"
print(t[1], t["1"])
