local function f(...) return ... end
print(f(1, 2, 3), "end")
print("start", f(1, 2, 3))
local t = {f(1, 2), f(3, 4)}
print(#t, t[1], t[2], t[3])
