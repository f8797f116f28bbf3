-- error(...) statements in a function pcall calls directly, and pcall(error, ...):
-- values, positions and levels must be those of a raised error
local function f(kind)
  if kind == 1 then error("plain") end
  if kind == 2 then error("level0", 0) end
  if kind == 3 then error("level2", 2) end
  if kind == 4 then error({ code = 7 }) end
  if kind == 5 then error() end
  if kind == 6 then error(nil) end
  if kind == 7 then error(false) end
  if kind == 8 then error(42) end
  return "fine", kind
end
for kind = 1, 9 do
  local ok, a, b = pcall(f, kind)
  print(kind, ok, type(a) == "table" and a.code or a, b)
end

-- pcall(error, ...)
print(pcall(error))
print(pcall(error, "x"))
print(pcall(error, "x", 0))
print(pcall(error, "x", 1))
print(pcall(error, "x", 2))
print(pcall(error, "x", -1))
print(pcall(error, "x", 1.0))
print(pcall(error, "x", "1"))
print(pcall(error, "x", "two"))
print(pcall(error, {}, "two"))
print(select("#", pcall(error, nil)))
print(pcall(error, 12, 5))

-- the same function called plainly, below another function pcall called: the error is raised
local function outer(k) local r = f(k); return r end
print(pcall(outer, 1))
print(pcall(outer, 3))

-- recursion: the inner call was not made by pcall
local function rec(n)
  if n == 0 then error("bottom " .. n) end
  local r = rec(n - 1)
  return r
end
print(pcall(rec, 3))

-- a self tail call, then the error
local function tail(n)
  if n == 0 then error("after tail calls") end
  return tail(n - 1)
end
print(pcall(tail, 5))

-- a pcall inside the function, of the same function, before its own error
local function twice(n)
  if n > 0 then
    local ok, e = pcall(twice, n - 1)
    print("inner", n, ok, e)
  end
  error("level " .. n, 0)
end
print(pcall(twice, 2))

-- inside a generic for and with a to-be-closed variable: the closing sees the error
local function closer(name)
  return setmetatable({}, { __close = function(_, err) print("close " .. name, err) end })
end
local function in_for()
  for _ in pairs({ 1 }) do
    error("from the loop", 0)
  end
end
print(pcall(in_for))
local function with_close()
  local c <close> = closer("c")
  error("with a close", 0)
end
print(pcall(with_close))
local function iter_close()
  for _ in function(_, c) if not c then return 1 end end, nil, nil, closer("iter") do
    error("loop closes", 0)
  end
end
print(pcall(iter_close))

-- methods, __call, closures made per call
local obj = { n = 3 }
function obj:m(x) if x then error("method " .. self.n) end return self.n end
print(pcall(obj.m, obj, true))
print(pcall(obj.m, obj, false))
local callme = setmetatable({}, { __call = function(self, x) error("called with " .. tostring(x)) end })
print(pcall(callme, 9))
for i = 1, 3 do
  print(pcall(function() if i ~= 2 then error("closure " .. i, 0) end return i end))
end

-- error is a local or another function: no special path
do
  local error = function(m) return "local " .. m end
  print(pcall(function() error("not raised") return "done" end))
end
local saved = error
error = function(m) saved("replaced " .. m, 0) end
print(pcall(function() error("global") end))
error = saved

-- xpcall sees a traceback-able error; pcall inside a coroutine
print(xpcall(f, function(m) return "handled: " .. m end, 1))
local co = coroutine.wrap(function()
  print(pcall(f, 1))
  local ok, e = pcall(f, 4)
  print(ok, type(e), e.code)
  coroutine.yield(1)
  print(pcall(function() coroutine.yield(2) error("after yield", 0) end))
end)
co(); co(); co()
print(pcall(f, 2))
