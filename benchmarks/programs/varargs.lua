-- varargs: variable argument lists and multiple return values.
-- Stresses: `...` forwarding, select('#', ...), select(n, ...),
-- multiple assignment from calls, table.pack / table.unpack (with
-- fallbacks for LuaJIT, which only has the global `unpack`), vararg
-- table constructors {...}.
local N = tonumber(arg and arg[1]) or 1300000

local unpack = table.unpack or unpack
local pack = table.pack or function(...)
  return { n = select("#", ...), ... }
end

local function count(...)
  return select("#", ...)
end

local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do
    s = s + (select(i, ...))
  end
  return s
end

local function sumt(...)
  local t = { ... }
  local s = 0
  for i = 1, #t do s = s + t[i] end
  return s
end

local function forward(f, ...)
  return f(...)
end

local function multi(a, b, c)
  return c, b, a, a + b + c
end

local function tail(first, ...)
  return ...
end

local acc = 0
for i = 1, N do
  local a, b, c, d = multi(i, i % 7, 3)
  acc = acc + a + b + c + d

  acc = acc + forward(sum, i % 10, 2, 3, 4, 5)
  acc = acc + sumt(1, 2, i % 5, 4, 5, 6)
  acc = acc + count(nil, nil, i, nil)   -- nils count toward select('#')
  acc = acc + count(tail(1, 2, 3))      -- all results forwarded

  local p = pack(i % 3, nil, 5)
  acc = acc + p.n + p[1] + p[3]

  local x, y, z = unpack({ i % 11, 20, 30 })
  acc = acc + x + y + z
  acc = acc + select(-1, 1, 2, i % 4)   -- negative index: the last value
  acc = acc % 1000000007
end

print(acc)
