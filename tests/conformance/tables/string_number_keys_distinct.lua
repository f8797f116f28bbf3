local t = {}
t["10"] = "str"
t[10] = "int"
print(t["10"], t[10], t[10.0])
