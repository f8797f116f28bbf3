local _under_score1 = 1
local CamelCase = 2
local a1b2c3 = 3
print(_under_score1 + CamelCase + a1b2c3)
