local function f() end
print(f())
print(select('#', f()))
print((f()))
print(select('#', (f())))
