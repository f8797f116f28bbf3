local function g() return "g result" end
local function f()
  local x <close> = setmetatable({}, {__close = function() print("closed before return completes") end})
  return g()
end
print(f())
