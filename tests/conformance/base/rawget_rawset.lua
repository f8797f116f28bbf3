local t = {}
print(rawset(t, "k", "v") == t, rawget(t, "k"))
print(rawget(t, "missing"))
print(pcall(rawset, t, nil, 1))
print(pcall(rawset, t, 0/0, 1))
