local mt = {__sub = function(a, b)
  local function s(x) return type(x) == "table" and "T" or tostring(x) end
  return s(a) .. "-" .. s(b)
end}
local v = setmetatable({}, mt)
print(v - 1, 1 - v, v - v)
