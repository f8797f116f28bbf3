print(load("local x <const> = 1\nx = 2", "=c"))
print(load("local y <close> = nil\ny = 1", "=c"))
