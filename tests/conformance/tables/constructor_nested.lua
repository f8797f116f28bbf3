local t = {a = {b = {c = {1, 2, {3}}}}}
print(t.a.b.c[3][1], #t.a.b.c)
