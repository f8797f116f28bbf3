print(pcall(io.type))
