local mt = {}
for _, op in ipairs({"band", "bor", "bxor", "shl", "shr", "bnot"}) do
  mt["__" .. op] = function() return coroutine.yield(op) end
end
local v = setmetatable({}, mt)
local co = coroutine.wrap(function()
  return table.concat({v & 1, v | 1, v ~ 1, v << 1, v >> 1, ~v}, ",")
end)
local x = co()
for i = 1, 6 do
  io.write(x, " ")
  x = co(i * 10)
end
print()
print(x)
