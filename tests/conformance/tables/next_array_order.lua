local t = {10, 20, 30}
local k, v = next(t)
while k do io.write(k, ":", v, " "); k, v = next(t, k) end
print()
print(next({}))
