local function f() return 1; end
local function g() return; end
print(f(), g())
