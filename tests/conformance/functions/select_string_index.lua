print(select("2", "a", "b"))
print(pcall(select, "x"))
print(pcall(select))
