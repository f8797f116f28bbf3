local function f() return 1, 2, 3 end
local a, b, c, d = f()
print(a, b, c, d)
local x = f()
print(x)
print(f(), f())
