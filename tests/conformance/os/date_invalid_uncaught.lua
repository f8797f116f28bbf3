print(os.date("%Ez", 0))
