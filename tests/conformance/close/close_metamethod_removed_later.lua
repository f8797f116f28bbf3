local mt = {__close = function() print("closed") end}
local ok, e = pcall(function()
  local x <close> = setmetatable({}, mt)
  mt.__close = nil
end)
print(ok, e)
