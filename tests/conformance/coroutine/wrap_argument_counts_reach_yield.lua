-- the values passed to a wrapped coroutine, however many, are what its yield returns
local function show(...) print(select("#", ...), ...) end
local co = coroutine.wrap(function(...)
  show(...)
  while true do show(coroutine.yield()) end
end)
co()
co() co(nil)
co(1) co(1, 2)
co(1, nil) co(nil, nil, nil)
co(1, 2, 3) co(1, 2, 3, 4)
local y = coroutine.yield
local co2 = coroutine.wrap(function(a)
  -- a yield through a local (the builtin called as a function)
  while true do a = select("#", y(a, nil)) end
end)
print(co2("first"))
print(co2())
print(co2(1, 2, 3))
