local type = "shadowed"
print(type)
print(_G.type(1))
