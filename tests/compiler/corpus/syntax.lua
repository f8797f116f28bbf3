-- Compiler fingerprint corpus: the constructs the benchmark programs do not use much.
-- Never run, only compiled (tests/compiler/fingerprint.mjs).
local a <const> = 10
local t = { 1, 2, 3, x = 1, ["y"] = 2, [3 + 1] = 4, f = function(self, ...) return select("#", ...) end }
local s = "s" .. a .. 1.5 .. t.x
local i, f = 7 // 2, 7 / 2
local b = (i & 3) | (i ~ 5) << 1 >> 2 ~ ~i
print(#t, #s, -i, not f, i % 3, 2 ^ 10, i == f, i ~= f, i < f, i <= f, i > f, i >= f)
print(t:f(1, 2), t.f(t), s:upper(), ("x"):rep(3), string.format("%d", i), #{...})
do
  local c <close> = setmetatable({}, { __close = function() end })
  for k, v in pairs(t) do if k == "x" then goto skip end print(k, v) ::skip:: end
end
for n = 10, 1, -3 do if n < 5 then break end end
for x = 0.5, 2.5, 0.5 do print(x) end
while i > 0 do i = i - 1 end
repeat local r = i; i = i + 1 until r > 3
local function rec(n) if n <= 0 then return 0 end return rec(n - 1) end
local function va(...) local p, q = ...; return select(2, ...), p, q, ... end
local co = coroutine.wrap(function(x) local y = coroutine.yield(x + 1) return y * 2 end)
print(rec(5), va(1, 2, 3), co(1), co(2))
local ok, e = pcall(function() error({ code = 1 }) end)
assert(not ok, "expected an error")
print(ok, e.code, math.sqrt(2), math.floor(2.5), math.max(1, 2), math.abs(-3), math.min(1, 2))
t[1], t[2] = t[2], t[1]
t.z = t.x
t[#t + 1] = "appended"
print(t.missing and t.missing.deeper, t[1] or t[2], [[long
string]], 0x10, 1e3, 3 // 0.0)
return t, a, b
