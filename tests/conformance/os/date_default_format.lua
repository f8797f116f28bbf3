print(os.date(nil, 1000000000) == os.date("%c", 1000000000))
print(type(os.date()))
