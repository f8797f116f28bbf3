local errobj = {}
local ok, e = pcall(function()
  local x <close> = setmetatable({}, {__close = function(o, e) print("got same object:", e == errobj) end})
  error(errobj)
end)
print(ok, e == errobj)
