local co = coroutine.create(function()
  local function f() coroutine.yield() end
  f()
end)
coroutine.resume(co)
local tb = debug.traceback(co)
print(tb:match("^stack traceback:") ~= nil)
print(select(2, tb:gsub("\n", "\n")) >= 2)
