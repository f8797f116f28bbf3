local t = {1, 2, 3, nil}
print(#t)
local u = {nil, nil, 3}
print(#u)
