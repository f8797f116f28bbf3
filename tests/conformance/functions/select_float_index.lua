print(select(2.0, "a", "b"))
print(pcall(select, 1.5, "a"))
