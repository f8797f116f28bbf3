-- lua5.5: named vararg parameter '...t' receives a table of the extra arguments with field n.
local function f(...t)
  return t.n, t[1], t[2], t[3]
end
print(f(1, nil, 3))
print(f())
