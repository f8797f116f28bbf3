local t = table.pack(1, 2, 3)
print(t.n, t[1], t[2], t[3])
local e = table.pack()
print(e.n, #e, next(e))
