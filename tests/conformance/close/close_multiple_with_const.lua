do
  local a <const> = "const"
  local b <close> = setmetatable({}, {__close = function() print("close b, a =", a) end})
  print("in block")
end
