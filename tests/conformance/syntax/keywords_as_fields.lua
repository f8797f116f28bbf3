local t = {["end"] = 1, ["if"] = 2}
t["while"] = 3
print(t["end"], t["if"], t["while"])
