print(("aaa"):match("(a)*"))
print(("x(a)*"):find("(a)*", 1, true))
