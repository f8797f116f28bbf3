print(pcall(next))
print(pcall(next, {}, "nokey"))
print(pcall(next, 1))
