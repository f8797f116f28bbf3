print(load("x = 'abc"))
print(load("x = [[abc"))
print(load("x = 'a\nb'"))
