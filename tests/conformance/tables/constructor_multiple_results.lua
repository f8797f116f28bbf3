local function f() return 1, 2, 3 end
local a = {f()}
local b = {f(), 10}
local c = {(f())}
local d = {f(), f()}
print(#a, #b, #c, #d)
print(b[1], b[2], d[4], d[5])
