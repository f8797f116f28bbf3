local t = {}
print(t[nil], t[0/0])
print(rawget(t, nil))
