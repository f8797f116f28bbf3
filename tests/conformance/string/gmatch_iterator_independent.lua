local it1 = ("123"):gmatch("%d")
local it2 = ("456"):gmatch("%d")
print(it1(), it2(), it1(), it2())
