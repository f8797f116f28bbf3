local function closer(name)
  return setmetatable({}, {__close = function() print("close " .. name) end})
end
local function inner()
  local i <close> = closer("inner")
  error("fail", 0)
end
local function outer()
  local o <close> = closer("outer")
  inner()
end
print(pcall(outer))
