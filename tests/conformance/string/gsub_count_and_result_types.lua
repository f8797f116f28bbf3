local r, n = ("abc"):gsub("b", "x")
print(type(r), math.type(n))
