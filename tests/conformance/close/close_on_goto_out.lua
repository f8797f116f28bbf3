local function closer(name)
  return setmetatable({}, {__close = function() print("close " .. name) end})
end
do
  local x <close> = closer("x")
  goto out
end
::out::
print("after goto")
