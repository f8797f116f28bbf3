local s = os.date("!a\0b%Y\0", 0)
print(#s, s == "a\0b1970\0")
