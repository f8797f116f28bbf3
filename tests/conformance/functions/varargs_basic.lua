local function f(...) return select('#', ...), ... end
print(f())
print(f(1, nil, 3))
print(f(nil, nil))
