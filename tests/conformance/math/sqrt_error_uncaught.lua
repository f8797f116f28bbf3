local function norm(v) return math.sqrt(v.x * v.x + v.y) end
print(norm({x = 3, y = 16}))
print(math.sqrt("nope"))
