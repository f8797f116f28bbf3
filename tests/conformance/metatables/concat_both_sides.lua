local mt = {__concat = function(a, b)
  local ta = type(a) == "table" and "T" or a
  local tb = type(b) == "table" and "T" or b
  return ta .. "|" .. tb
end}
local v = setmetatable({}, mt)
print(v .. "s")
print("s" .. v)
print(v .. 1)
print(1.5 .. v)
print(v .. v)
