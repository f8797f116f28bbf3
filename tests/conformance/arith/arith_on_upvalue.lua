local up = "x"
local function f() return up * 3 end
print(pcall(f))
