local x <const> = 10
x = 20
