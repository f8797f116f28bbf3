for i = 1, 3 do
  local x <close> = setmetatable({}, {__close = function() print("close", i) end})
  print("body", i)
end
