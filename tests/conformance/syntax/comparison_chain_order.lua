print(1 < 2 == (2 > 1))
print("a" .. "b" == "ab")
