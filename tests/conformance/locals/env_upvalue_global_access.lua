x = 1
local print = print
local function f() return x end
local _ENV = {x = 2}
local function g() return x end
print(f(), g())
