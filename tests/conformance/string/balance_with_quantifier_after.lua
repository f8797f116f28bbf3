print(("(a)(b)c"):match("%b()*"))
print(("(a)b"):match("%b()b"))
