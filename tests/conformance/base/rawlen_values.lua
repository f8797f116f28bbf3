print(rawlen({1, 2, 3}), rawlen("hello"), rawlen({}))
print(pcall(rawlen, 5))
print(pcall(rawlen))
