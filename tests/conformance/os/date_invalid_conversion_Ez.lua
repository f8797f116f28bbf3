print(pcall(os.date, "%Ez"))
