print(pcall(ipairs))
