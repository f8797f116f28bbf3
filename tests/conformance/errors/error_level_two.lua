local function check(x)
  if type(x) ~= "number" then error("expected number", 2) end
  return x
end
local function caller()
  local v = check("str")
  return v
end
print(pcall(caller))
