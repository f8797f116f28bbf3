print(({10, 20, 30})[2])
print(({x = {y = "z"}}).x.y)
