-- math.sqrt/floor/abs/max/min called by name: results and their types as the builtins give
local function show(...)
  local out = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    out[#out + 1] = tostring(v) .. ":" .. (math.type(v) or type(v))
  end
  print(table.concat(out, " "))
end
local x, i, f, z, nz, big, s = 2.25, 16, 7.0, 0.0, -0.0, 2^60, "9"
show(math.sqrt(x), math.sqrt(i), math.sqrt(f), math.sqrt(z), math.sqrt(s))
show(math.sqrt(-1) ~= math.sqrt(-1), math.sqrt(1/0), math.sqrt(2))
show(math.floor(x), math.floor(-x), math.floor(i), math.floor(f), math.floor(-0.5), math.floor(nz))
show(math.floor(1e300), math.floor(-1/0), math.floor(big), math.floor(2^53 + 0.0), math.floor("3.7"))
show(math.floor(0/0) ~= math.floor(0/0))
show(math.abs(-x), math.abs(-i), math.abs(-f), math.abs(nz), math.abs(-1/0), math.abs(math.mininteger), math.abs("-3"))
show(math.abs(math.maxinteger), math.abs(-2^53))
show(math.max(1, 2), math.max(2, 1), math.max(1, 1.0), math.max(1.0, 1), math.max(-x, x), math.max(i, f))
show(math.min(1, 2), math.min(2, 1), math.min(1, 1.0), math.min(1.0, 1), math.min(-x, x), math.min(i, f))
local nan = 0/0
show(math.max(nan, 1), math.max(1, nan) , math.min(nan, 1), math.min(1, nan))
show(math.min(math.mininteger, 0), math.max(2^63, 1))
print(pcall(function() return math.max("10", 9) end))

-- in loops (the inline paths are the ones a hot loop keeps)
local acc = 0.0
for k = 1, 2000 do
  acc = acc + math.sqrt(k) + math.floor(k / 3) + math.abs(k - 1000) + math.max(k, 1000) - math.min(k, 1000)
end
print(string.format("%.6f", acc))

-- errors name the function
print(pcall(function() return math.sqrt("x") end))
print(pcall(function() return math.floor({}) end))
print(pcall(function() return math.abs(nil) end))
print(pcall(function() return math.max(1, {}) end))
print(pcall(function() return math.min(nil, 1) end))

-- a field replaced, a local math, math itself replaced: the call is made as written
local saved = math.sqrt
math.sqrt = function(v) return "mine", v end
show(math.sqrt(4))
print(select("#", math.sqrt(4)), (math.sqrt(4)))
math.sqrt = saved
do
  local math = { floor = function(v) return v * 10 end }
  show(math.floor(1.5))
end
local realmath = math
math = setmetatable({}, { __index = function(_, k) return function(...) return k, ... end end })
show(math.max(1, 2))
math = realmath
show(math.max(3, 4), math.sqrt(9))
