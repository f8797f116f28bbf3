local obj = {msg = "table error"}
local co = coroutine.create(function() error(obj) end)
local ok, e = coroutine.resume(co)
print(ok, e == obj, e.msg)
