print(pcall(string.byte, "abc", 1.5))
