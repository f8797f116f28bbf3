local log = {}
local function a() log[#log + 1] = "a"; return 1 end
local function b() log[#log + 1] = "b"; return 2 end
local function f(x, y) log[#log + 1] = "f" end
f(a(), b())
print(table.concat(log, ","))
