print(pcall(collectgarbage, "bogus"))
