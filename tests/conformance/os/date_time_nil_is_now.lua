print(os.date("!%Y", nil) == os.date("!%Y"))
