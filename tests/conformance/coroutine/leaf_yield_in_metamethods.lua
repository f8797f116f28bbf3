-- a function with no calls, run inside a coroutine, yields through its operators' metamethods
local Y = {}
local function ev(name) return function(a, b) coroutine.yield(name); return 7 end end
for _, e in ipairs({"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__idiv",
                    "__band", "__bor", "__bxor", "__shl", "__shr", "__bnot", "__concat", "__len"}) do
  Y[e] = ev(e)
end
Y.__index = function(t, k) coroutine.yield("__index " .. tostring(k)); return k .. "!" end
Y.__newindex = function(t, k, v) coroutine.yield("__newindex " .. tostring(k)) end
Y.__lt = function(a, b) coroutine.yield("__lt"); return true end
Y.__le = function(a, b) coroutine.yield("__le"); return false end
Y.__eq = function(a, b) coroutine.yield("__eq"); return true end
local a, b = setmetatable({}, Y), setmetatable({}, Y)

local cases = {
  function(x) return x + 1 end,
  function(x) return 2 - x end,
  function(x) return x * x end,
  function(x) return x / 2 end,
  function(x) return x % 2 end,
  function(x) return x ^ 2 end,
  function(x) return -x end,
  function(x) return x // 2 end,
  function(x) return x & 1 end,
  function(x) return x | 1 end,
  function(x) return x ~ 1 end,
  function(x) return x << 1 end,
  function(x) return x >> 1 end,
  function(x) return ~x end,
  function(x) return "s" .. x end,
  function(x) return #x end,
  function(x) return x.field end,
  function(x) return x[1], x[2] end,
  function(x) return x < b end,
  function(x) return x <= b end,
  function(x) return x > b end,
  function(x) return x == b end,
  function(x) return x ~= b end,
  function(x) local n = 1; n = n + 10; if x then n = n + x end; return n end,
  function(x) return {x.k, [x.j] = 1, n = #x} end,
}
for i, f in ipairs(cases) do
  local co = coroutine.wrap(function(v) return "done", f(v) end)
  local out = {}
  local r = {co(a)}
  while r[1] ~= "done" do
    out[#out + 1] = tostring(r[1])
    r = {co()}
  end
  local res = r[2]
  if type(res) == "table" then res = "{" .. tostring(res[1]) .. "," .. tostring(res.n) .. "}" end
  print(i, table.concat(out, " "), tostring(res), tostring(r[3]))
end
