print(pcall(error, "direct", 2))
