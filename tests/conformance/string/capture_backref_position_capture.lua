print(("aa"):find("()%1"))
print(("aa"):find("()a%1"))
