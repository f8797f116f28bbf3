local t0 = {}
table.sort(t0)
local t1 = {1}
table.sort(t1)
local t2 = {2, 1}
table.sort(t2)
local t3 = {3, 1, 2}
table.sort(t3)
print(#t0, t1[1], t2[1], t2[2], t3[1], t3[2], t3[3])
