print(nil and 1, false and 1, 1 and 2, 0 and "zero")
print(nil or 1, false or nil, 1 or error("x"), nil or false)
print(not nil, not 0, not "", not not nil)
