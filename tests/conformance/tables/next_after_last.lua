local t = {"only"}
print(next(t, 1))
