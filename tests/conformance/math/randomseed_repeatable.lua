math.randomseed(99, 1)
local x = {math.random(1000), math.random(1000), math.random()}
math.randomseed(99, 1)
local y = {math.random(1000), math.random(1000), math.random()}
print(x[1] == y[1], x[2] == y[2], x[3] == y[3])
math.randomseed(99, 2)
print(math.random(1000), math.random(1000))
