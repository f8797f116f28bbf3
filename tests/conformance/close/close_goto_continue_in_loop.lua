for i = 1, 3 do
  local c <close> = setmetatable({}, {__close = function() print("close", i) end})
  if i == 2 then goto continue end
  print("body", i)
  ::continue::
end
