print(os.difftime(10, 3))
print(os.difftime(3, 10))
print(os.difftime(5, 5))
