print(pcall(error, false))
