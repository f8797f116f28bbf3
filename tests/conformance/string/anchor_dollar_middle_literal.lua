print(("a$b"):find("a$b"))
print(("a$"):find("a$$"))
print(("ab"):find("b$"))
