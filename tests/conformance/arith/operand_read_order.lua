-- when an operand is read relative to a call in the other operand that assigns it:
-- locals when the operator runs, upvalues before it in arithmetic, after it in indexing
local a = 1
local function f() a = 10; return 1 end
print(a + f())
local t = {5}
local function g() t = {7}; return 1 end
print(t[g()])
local function h()
  return t[g()], a + f()
end
t = {5}; a = 1
print(h())
local u = 1
local function k() u = 100; return 2 end
local function m() return u * k() end
print(m(), u)
