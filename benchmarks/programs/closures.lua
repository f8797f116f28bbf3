-- closures: closure creation and upvalue access.
-- Stresses: allocating closures in a loop, reading/writing captured
-- variables (open and closed upvalues), calling through function values,
-- higher-order helpers.
local N = tonumber(arg and arg[1]) or 1750000

local function makeCounter(start, step)
  local n = start
  return function()
    n = n + step
    return n
  end
end

local function compose(f, g)
  return function(x) return f(g(x)) end
end

local function map(t, f)
  local r = {}
  for i = 1, #t do r[i] = f(t[i]) end
  return r
end

local acc = 0
for i = 1, N do
  -- a fresh closure per iteration, called a few times
  local c = makeCounter(i, 3)
  c(); c()
  acc = (acc + c()) % 1000003

  -- two closures sharing one (still open) upvalue
  local shared = i
  local inc = function() shared = shared + 1 end
  local get = function() return shared end
  inc(); inc()
  acc = (acc + get()) % 1000003

  -- composition of closures capturing loop locals
  local addI = function(x) return x + i end
  local dbl = function(x) return x * 2 end
  acc = (acc + compose(addI, dbl)(i % 100)) % 1000003
end

-- a long-lived counter called many times
local tick = makeCounter(0, 1)
for _ = 1, N * 4 do tick() end

local squares = map({1, 2, 3, 4, 5, 6, 7, 8}, function(x) return x * x end)
local sq = 0
for i = 1, #squares do sq = sq + squares[i] end

print(string.format("%d %d %d", acc, tick(), sq))
