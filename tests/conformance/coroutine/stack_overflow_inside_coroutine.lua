local function inf(n) return 1 + inf(n + 1) end
local co = coroutine.create(function() return inf(1) end)
local ok, e = coroutine.resume(co)
print(ok, coroutine.status(co))
print(string.match(e, "stack overflow") ~= nil)
print(string.match(e, "^stack_overflow_inside_coroutine%.lua:1:") ~= nil)
