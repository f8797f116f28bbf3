print(select(2, load("return 0xg")))
print(select(2, load("return 1..2")))
print(select(2, load("return 1.2.3")))
