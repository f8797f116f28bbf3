print(os.setlocale())
print(os.setlocale(nil))
print(os.setlocale(nil, "all"))
print(os.setlocale(nil, "numeric"))
