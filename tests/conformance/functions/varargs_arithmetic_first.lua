local function f(...) return ... + 1 end
print(f(10, 20))
