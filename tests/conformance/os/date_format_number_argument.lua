print(os.date(1234, 0))
