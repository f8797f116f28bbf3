print(load("x = = 1"))
print(load("x = = 1", "=named"))
print(load("\nx = = 1", "@f.lua"))
