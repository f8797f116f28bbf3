print(pcall(42))
print(pcall(nil))
print(pcall(pcall))
