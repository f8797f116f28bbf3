print(os.setlocale("xx_NOT_A_LOCALE"))
print(os.setlocale("xx_NOT_A_LOCALE", "ctype"))
