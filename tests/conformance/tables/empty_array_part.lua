-- tables created without array values take them later: appends, inserts, removals,
-- sorting, concatenation and unpacking of tables that were empty or only had fields
local a = {}
print(#a, a[1], next(a))
a[1] = "x"
print(#a, a[1])
local b = { name = "b" }
table.insert(b, "first")
table.insert(b, 1, "zero")
print(#b, b[1], b[2], b.name)
print(table.remove(b), table.remove(b), table.remove(b), #b)
local c = {}
table.sort(c)
print(table.concat(c, ","), select("#", table.unpack(c)), table.remove(c), #c)
local d = { x = 1, y = 2 }
d[2] = "two" -- not an append: the array part stays empty
print(#d == 0 or #d == 2, d[2])
d[1] = "one"
print(#d, d[1], d[2], table.concat(d, "+"))
local e = {}
e[1] = 1
e[1] = nil
print(#e, next(e))
e[1] = "again"
print(#e, e[1])
local records = {}
for i = 1, 5 do records[i] = { id = i } end
for i = 1, 5 do records[i][1] = i * 10 end
print(records[3][1], #records[3], records[5].id)
local f = setmetatable({}, { __newindex = function(t, k, v) rawset(t, k, v * 2) end })
f[1] = 4
print(f[1], #f)
