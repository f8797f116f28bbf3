print(("x(a(b)c)y"):match("%b()"))
print(("if (a and (b or c)) then"):match("%b()"))
print(("[[x]]"):match("%b[]"))
