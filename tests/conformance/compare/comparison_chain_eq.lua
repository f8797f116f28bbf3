print(1 == 1 == true)
print(2 == 2 ~= false)
