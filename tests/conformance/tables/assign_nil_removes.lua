local t = {a = 1}
t.a = nil
print(t.a, next(t))
