local inner = setmetatable({}, {__call = function(self, a, b, c)
  return "inner", type(a), type(b), c
end})
local outer = setmetatable({}, {__call = inner})
print(pcall(outer, "x"))
