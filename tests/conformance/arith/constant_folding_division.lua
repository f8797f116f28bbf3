local function f() return 1 // 0 end
local function g() return 1 / 0 end
print(pcall(f))
print(g())
