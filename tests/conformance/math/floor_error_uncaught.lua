print(math.floor(true))
