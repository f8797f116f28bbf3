print(("a b"):find("% "))
print(("a^b"):find("%^"))
print(("a$b"):find("%$b"))
