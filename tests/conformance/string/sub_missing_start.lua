print(pcall(string.sub, "hello"))
print(pcall(string.sub))
