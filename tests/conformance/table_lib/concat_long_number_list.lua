-- table.concat of a list long enough that the bound on its numbers' text passes the byte
-- buffer's limit (it is joined another way): the result must not change.
local t = {}
for i = 1, 1500000 do t[i] = i % 10 end
t[700000] = 0.5
t[700001] = "x"
local s = table.concat(t)
print(#s, s:sub(1, 20), s:sub(699995, 700010), s:sub(-5))
s = table.concat(t, ",", 699990, 700010)
print(s)
