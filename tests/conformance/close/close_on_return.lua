local function closer(name)
  return setmetatable({}, {__close = function() print("close " .. name) end})
end
local function f()
  local a <close> = closer("a")
  local b <close> = closer("b")
  return "result"
end
print(f())
