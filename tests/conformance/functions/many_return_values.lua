local function f(n)
  local t = {}
  for i = 1, n do t[i] = i end
  return table.unpack(t)
end
print(select('#', f(250)))
print((select(250, f(250))))
