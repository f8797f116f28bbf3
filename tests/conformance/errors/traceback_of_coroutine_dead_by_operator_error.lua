-- debug.traceback of a coroutine that died by an operator error, or by error() in a
-- function a builtin called: its frames end at the coroutine's body
local function g(t) return t.x + 1 end
local co = coroutine.create(function() local v = g({}) return v end)
print(coroutine.resume(co))
print(debug.traceback(co))
local co2 = coroutine.create(function() pcall(error, "inner"); local n = nil; return n.f end)
print(coroutine.resume(co2))
print(debug.traceback(co2, "msg"))
local function cmp(a, b) error("in cmp") end
local co3 = coroutine.create(function() table.sort({ 3, 2, 1 }, cmp) end)
print(coroutine.resume(co3))
print(debug.traceback(co3))
