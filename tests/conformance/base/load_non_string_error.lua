print(pcall(load, 42))
print(pcall(load))
