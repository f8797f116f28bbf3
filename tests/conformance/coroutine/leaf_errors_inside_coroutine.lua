-- errors raised by call-free functions run inside coroutines, directly and through metamethods
local function msg(ok, e) return (e:match("^[^\n]*")) end
local function add(a, b) return a + b end
local function field(t) return t.x.y end
local function cmp(a, b) return a < b end
local function cat(a) local s = "x" .. a; return s end
local co = coroutine.wrap(function()
  print(pcall(add, 1, nil))
  print(pcall(add, {}, 1))
  print(pcall(field, {}))
  print(pcall(cmp, 1, "2"))
  print(pcall(cat, {}))
  print(pcall(add, "10", 5))
  print(msg(xpcall(add, debug.traceback, nil, 1)))
  local mt = {__add = function(a, b) error("in add") end, __index = function(t, k) error("no " .. k, 2) end}
  local o = setmetatable({}, mt)
  print(msg(xpcall(add, debug.traceback, o, 1)))
  print(msg(xpcall(field, debug.traceback, o)))
  return field({x = {y = "ok"}})
end)
print(co())
print(pcall(coroutine.wrap(function() return add(1, {}) end)))
local co3 = coroutine.create(function(t) return t.x.y end)
print(coroutine.resume(co3, {}))
print(coroutine.status(co3))
print(coroutine.wrap(function(t) return t.x.y end)({x = {y = 5}}))
coroutine.wrap(function() return cmp({}, 1) end)()
