local a = table.pack(1)
local b = table.pack(1)
print(a ~= b, getmetatable(a))
a[2] = "x"
print(#a, a.n)
