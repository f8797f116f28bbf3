local function closer(name)
  return setmetatable({}, {__close = function() print("close " .. name) end})
end
for i = 1, 3 do
  local x <close> = closer("iter " .. i)
  if i == 2 then break end
  print("iteration", i)
end
print("after loop")
