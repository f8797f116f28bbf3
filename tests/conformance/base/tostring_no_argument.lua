print(pcall(tostring))
