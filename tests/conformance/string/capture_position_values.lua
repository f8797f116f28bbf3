print(("abc"):find("()a()b()c()"))
print(("abc"):gsub("()", "%1"))
print(("hello"):match("()l+()"))
