print(pcall(assert))
