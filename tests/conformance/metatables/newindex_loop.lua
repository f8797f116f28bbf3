local t = setmetatable({}, {})
getmetatable(t).__newindex = t
t.x = 1
print(rawget(t, "x"))
