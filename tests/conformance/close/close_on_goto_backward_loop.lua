local n = 0
::again::
do
  local x <close> = setmetatable({}, {__close = function() print("close", n) end})
  n = n + 1
  if n < 3 then goto again end
end
print("done")
