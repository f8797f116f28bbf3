print(string.char("65", 66.0))
