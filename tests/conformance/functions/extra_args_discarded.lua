local function f(a) return a end
print(f(1, 2, 3))
