local a = {1, 2, 3,}
local b = {1; 2; 3;}
local c = {x = 1,}
local d = {}
print(#a, #b, c.x, #d)
