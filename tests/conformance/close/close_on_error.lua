local function closer(name)
  return setmetatable({}, {__close = function(o, e) print("close " .. name, e) end})
end
local ok, err = pcall(function()
  local a <close> = closer("a")
  local b <close> = closer("b")
  error("boom", 0)
end)
print(ok, err)
