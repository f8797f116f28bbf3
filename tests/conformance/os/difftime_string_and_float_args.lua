print(os.difftime("10", "4"))
print(os.difftime(10.0, 4))
print(os.difftime(2^53, 0))
