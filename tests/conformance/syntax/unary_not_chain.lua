print(not not 1, not not nil)
print(- -1, -(-1))
print(~~5)
