local function f() return 1, 2 end
local a, b = (f())
print(a, b)
print((f()))
