print(load("return 1e") )
print(select(2, load("return 1e")))
