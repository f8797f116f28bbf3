local t = {x = 1, y = "two", ["z w"] = true}
print(t.x, t.y, t["z w"])
