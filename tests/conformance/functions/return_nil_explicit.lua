local function f() return nil end
print(select('#', f()))
