print(load("local c <const> = 1; c = 2"))
