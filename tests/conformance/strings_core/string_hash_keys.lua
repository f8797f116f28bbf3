local t = {}
t["a" .. "b"] = 1
print(t.ab, t["ab"])
