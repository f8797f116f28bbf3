print(type(type(nil)), type(nil) == "nil")
