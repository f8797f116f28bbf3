print(("aaab"):match("(a-)b"))
print(("aaab"):match("(a-)a"))
print(("xyz"):match("(.-)"))
print(("[[x]][[y]]"):match("%[%[(.-)%]%]"))
