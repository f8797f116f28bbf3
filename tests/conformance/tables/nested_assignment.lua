local t = {}
t.a = {}
t.a.b = {}
t.a.b.c = "deep"
print(t.a.b.c, t["a"]["b"]["c"])
