local obj = {}
local co = coroutine.create(function() error(obj) end)
local ok, e = coroutine.resume(co)
print(ok, e == obj)
local ok2, e2 = coroutine.close(co)
print(ok2, e2 == obj)
