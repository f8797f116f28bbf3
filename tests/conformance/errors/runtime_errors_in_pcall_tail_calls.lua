-- runtime errors in tail position and after tail calls, caught by pcall
local function try(f, ...)
  print(select(2, pcall(f, ...)))
end
local function idx(t) return t.field end
local function call(f) return f() end
local function method(o) return o:go() end
local function arith(a) return a * 2 end
local function chain(n, t) if n == 0 then return t.x end return chain(n - 1, t) end
local function other(t) return idx(t) end
try(idx)
try(call)
try(method, {})
try(arith, {})
try(chain, 5)
try(other, nil)
try(function() return idx(nil) end)
try(function() return select(2, nil, idx()) end)
local t = setmetatable({}, { __index = function(_, k) return idx(k) end })
try(function() return t.key end)
