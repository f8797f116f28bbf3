-- lua5.5: named vararg parameter after fixed parameters; '...' still works alongside.
local function f(a, ...rest)
  return a, rest.n, select('#', ...), rest[1]
end
print(f(1, "x", "y"))
print(f(1))
