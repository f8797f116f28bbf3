local a = {b = {c = {}}}
function a.b.c.f() return "deep" end
function a.b.c:m() return self == a.b.c end
print(a.b.c.f(), a.b.c:m())
