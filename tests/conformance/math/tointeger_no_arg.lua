print(pcall(math.tointeger))
print(select("#", math.tointeger(nil)))
