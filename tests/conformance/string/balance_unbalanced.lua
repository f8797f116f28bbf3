print(("(((a)"):match("%b()"))
print(("(a"):match("%b()"))
print((")("):match("%b()"))
