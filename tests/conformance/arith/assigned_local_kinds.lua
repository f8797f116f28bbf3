-- locals assigned after their declaration: counters, accumulators, values that change
-- type, shadowing, closures, methods and metamethods that give other types
local function show(...) print(...) end

local n = 0
for i = 1, 10 do n = n + i end
show("counter", n, math.type(n))

local near = 9007199254740990
for _ = 1, 4 do near = near + 1 end
show("past 2^53", near, math.type(near), near + 1, near * 2)

local big = 9223372036854775807
big = big + 1
show("wraps", big, math.type(big))

local acc = 0
for i = 1, 4 do acc = (acc * 31 + i * 7) % 1000003 end
show("modulo", acc, acc + 1, acc // 2, acc * 3)

local neg = 0
neg = 4611686018427387904 % -7
show("negative divisor", neg, neg - 1)

local f = 0.0
for i = 1, 3 do f = f + i / 2 end
show("float sum", f, math.type(f), f * 2, f // 1, f % 2)

local mixed = 0
mixed = mixed + 0.5
mixed = mixed + 0.5
show("int then float", mixed, math.type(mixed))

local s = 1
if #arg >= 0 then s = "10" end
show("becomes a string", s + 1, s * 2, math.type(s + 1))

local x = 1
do
  local x = "inner"
  x = x .. "!"
  show("shadowed", x)
end
x = x + 1
show("outer", x)

local up = 0
local function bump(by) up = up + by end
bump(2) bump(3)
show("upvalue", up, up * 2)
local later = 1
local function set(v) later = v end
set("2")
show("upvalue set to a string", later + 1, later * 3)

local a, b = 1, 2.5
a, b = b, a
show("swapped", a, b, a + 1, b + 1)

local function two() return 7, "seven" end
local p, q = 0, 0
p, q = two()
show("from a call", p + 1, q .. "!")

local self = 1
local obj = setmetatable({}, { __mod = function() return "5" end, __add = function() return 40 end })
function obj:m()
  local y = 0
  y = self % 7
  return y + 1, y * 2
end
show("method self", obj:m())

local g = 0
g = g + 1
global_g = "g"
show("global of another name", g + 1, global_g)

local r = 0
repeat
  local step = 2
  r = r + step
until r >= 6
show("repeat", r, r % 4)

local k = 1
::again::
k = k * 3
if k < 100 then goto again end
show("goto", k, k - 1)

local m = -5
m = -m
m = m // 2
show("unary and floor division", m, m % 2, -m % 3)
