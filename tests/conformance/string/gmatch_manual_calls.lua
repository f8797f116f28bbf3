local it = ("a b c"):gmatch("%a")
print(it(), it(), it(), it(), it())
