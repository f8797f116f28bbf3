-- debug.traceback of a coroutine that died by error() shows its frames where it failed
local co = coroutine.create(function() local function g() error("in g") end g() end)
print(coroutine.resume(co))
print(debug.traceback(co))
print(debug.traceback(co, "message", 1))
