-- keys placed past the end join the sequence once the gap is filled
local t = {1, 2, 3}
t[5] = 5
t[6] = 6
t[4] = 4
print(#t)
table.insert(t, 7)
print(#t, t[7])
table.insert(t, 1, 0)
print(table.concat(t, ","))
