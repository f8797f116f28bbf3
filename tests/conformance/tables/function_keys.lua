local function f() end
local t = {[f] = "func"}
print(t[f], t[print])
