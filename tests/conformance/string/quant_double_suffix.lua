print(("a**"):find("a**"))
print(("aa+"):match("a++"))
print(("a-"):match("a--"))
