local mt = {__lt = function(a, b) return a.v < b.v end}
local t = {}
for i, v in ipairs({5, 3, 9, 1, 7}) do t[i] = setmetatable({v = v}, mt) end
table.sort(t)
for i = 1, #t do io.write(t[i].v, " ") end
print()
