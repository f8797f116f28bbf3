local function inner(t)
  return t.x.y
end
local function outer() return inner({}) end
print(pcall(outer))
