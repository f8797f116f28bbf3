local Gen = {}
Gen.__index = Gen
function Gen.new(f) return setmetatable({co = coroutine.create(f)}, Gen) end
function Gen:next(...)
  if coroutine.status(self.co) == "dead" then return nil end
  local ok, v = coroutine.resume(self.co, ...)
  if not ok then error(v, 0) end
  return v
end
local fib = Gen.new(function()
  local a, b = 0, 1
  while true do coroutine.yield(a); a, b = b, a + b end
end)
local out = {}
for i = 1, 12 do out[i] = fib:next() end
print(table.concat(out, " "))
local short = Gen.new(function() coroutine.yield("only") end)
print(short:next(), short:next(), short:next())
