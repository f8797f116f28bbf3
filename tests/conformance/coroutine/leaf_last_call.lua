-- functions whose last statement is a call, run inside coroutines: builtins run once,
-- functions that may yield do yield
local yield = coroutine.yield
local function fmt(x) return string.format("<%d>", x) end
local function up(s) return s:upper() end
local function show(x) print("show", x) end
local function write2(a, b) io.write(a, b) end
local function wrapper(x) return fmt(x) end
local function yielder(x) return yield(x) end
local function waits(x) return yielder(x * 10) end
local function inpcall(x) return pcall(yielder, x) end
local callable = setmetatable({}, {__call = function(_, x) return yield("called " .. x) end})
local function viacall(x) return callable(x) end
local Y = setmetatable({}, {__add = function(a, b) return yield("added") end})
local function addy(v) return v + Y end
local function viaadd(v) return addy(v) end
local obj = {name = "obj"}
function obj:shout() return self.name:upper() end

local function run(label, f, ...)
  local co = coroutine.create(f)
  local out = {}
  local res = {coroutine.resume(co, ...)}
  while coroutine.status(co) ~= "dead" do
    out[#out + 1] = tostring(res[2])
    res = {coroutine.resume(co, "r" .. #out)}
  end
  print(label, table.concat(out, ","), table.unpack(res))
end

for i = 1, 2 do
  run("fmt", fmt, i)
  run("up", function() return up("x" .. i) end)
  run("show", function() show(i) end)
  run("wrapper", function() return wrapper(i) end)
  run("yielder", function() return yielder(i) end)
  run("waits", function() return waits(i) end)
  run("inpcall", function() return inpcall(i) end)
  run("viacall", function() return viacall(i) end)
  run("viaadd", function() return viaadd(i) end)
  run("method", function() return obj:shout() end)
end

-- a builtin that does something and then fails does it once
run("write2", function() return pcall(write2, "written once\n", {}) end)
run("write2", function() write2("a", "b\n") end)

-- the callee changes between calls
local target = string.rep
local function callTarget(x) return target(x, 2) end
run("before", function() return callTarget("ab") end)
target = function(x) return yield("now yields " .. x) end
run("after", function() return callTarget("ab") end)
target = string.rep
run("again", function() return callTarget("cd") end)
