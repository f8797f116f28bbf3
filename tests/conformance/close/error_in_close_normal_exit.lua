local ok, e = pcall(function()
  local x <close> = setmetatable({}, {__close = function() error("from close", 0) end})
  return "normal"
end)
print(ok, e)
