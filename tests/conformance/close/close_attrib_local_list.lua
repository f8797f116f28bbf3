do
  local a, b <close>, c = 1, setmetatable({}, {__close = function() print("b closed") end}), 3
  print(a, c)
end
