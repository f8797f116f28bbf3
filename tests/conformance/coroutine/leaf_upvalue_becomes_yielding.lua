-- a call-free function whose upvalue later holds a value with a yielding metamethod, and
-- functions reached through tables, locals and redefinitions inside coroutines
local k = 1
local function addk(v) return v + k end
local lib = {addk = addk}
local function run(f, ...)
  local co = coroutine.create(f)
  local out = {}
  local ok, v = coroutine.resume(co, ...)
  while coroutine.status(co) ~= "dead" do
    out[#out + 1] = tostring(v)
    ok, v = coroutine.resume(co, 10)
  end
  print(ok, v, table.concat(out, " "))
end
run(function(x) return addk(x) end, 5)
k = setmetatable({}, {__add = function(a, b) return coroutine.yield("added") end})
run(function(x) return addk(x) end, 5)
local g = lib.addk
run(function(x) return g(x) + lib.addk(x) end, 1)
k = 2
run(function(x) return g(x) + lib.addk(x) end, 1)
lib.addk = function(v) return coroutine.yield("redefined") end
run(function(x) return g(x) + lib.addk(x) end, 1)
-- a call-free function created inside a coroutine, called there and after it is dead
local made
run(function(x)
  local mt = {__index = function(t, key) return coroutine.yield("index " .. key) end}
  made = function(t) return t.a end
  return made(setmetatable({}, mt)) + made({a = x})
end, 3)
print(made({a = 4}))
print(pcall(made, setmetatable({}, {__index = function() return coroutine.yield() end})))
-- methods
local obj = {n = 3}
function obj:get() return self.n * 2 end
run(function() return obj:get() end)
obj.n = setmetatable({}, {__mul = function() return coroutine.yield("mul") end})
run(function() return obj:get() end)
