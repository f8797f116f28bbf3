print(("a^b"):find("a^b"))
print(("a^b"):match("^a^b$"))
