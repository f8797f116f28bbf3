local obj = {code = 42}
local f = coroutine.wrap(function()
  error(obj)
end)
local ok, e = pcall(f)
print(ok, e == obj, type(e), e.code)
