local mt = {}
for _, op in ipairs({"add", "sub", "mul", "div", "mod", "pow", "unm", "idiv"}) do
  mt["__" .. op] = function(a, b) return coroutine.yield(op) end
end
local v = setmetatable({}, mt)
local co = coroutine.wrap(function()
  local r = {v + 1, 2 - v, v * v, v / 2, v % 3, v ^ 2, -v, v // 2}
  return table.concat(r, ",")
end)
local x = co()
local i = 0
while type(x) == "string" and not x:find(",") do
  i = i + 1
  io.write(x, " ")
  x = co(i)
end
print()
print(x)
