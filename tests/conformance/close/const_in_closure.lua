local k <const> = 5
local function f() return k * 2 end
print(f())
