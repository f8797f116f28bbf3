print(select(1, "a", "b", "c"))
print(select(2, "a", "b", "c"))
print(select(4, "a", "b", "c"))
