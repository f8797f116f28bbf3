print(("bbb"):find("a*"))
print(("bbb"):match("a*") == "")
print(("aab"):find("a*b"))
