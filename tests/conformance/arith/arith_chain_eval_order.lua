local log = {}
local function v(x) log[#log + 1] = x; return x end
print(v(1) + v(2) * v(3) - v(4))
print(table.concat(log, " "))
