print(1 .. 2 .. 3)
local n = 0
local a = setmetatable({}, {__concat = function(x, y)
  n = n + 1
  return n
end})
print(a .. "x" .. "y", n)
print("x" .. "y" .. a, n)
print("p" .. a .. "q", n)
