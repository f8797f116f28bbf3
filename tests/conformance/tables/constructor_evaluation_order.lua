-- found by tests/fuzz: fields are evaluated in order, keyed and positional alike
local log = {}
local function f(x) log[#log + 1] = x return x end
local t = {a = f(1), f(2), [f("k")] = f(3), f(4), b = f(5), f(6), f(7)}
print(table.concat(log, " "), t.a, t[1], t.k, t[2], t.b, t[3], t[4], #t)
log = {}
local u = {x = f(1), f(2), (function() return f(8), f(9) end)()}
print(table.concat(log, " "), #u, u[1], u[2], u[3], u.x)
print(pcall(function() return {name = G(), 1, (true * 1), 1} end))
