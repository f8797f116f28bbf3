local t = {Name = 1, name = 2}
print(t.Name, t.name, t.NAME)
