print(pcall(os.date, "abc%"))
