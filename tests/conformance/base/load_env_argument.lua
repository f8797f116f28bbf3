local env = {y = 10}
local f = load("x = y * 2; return x", "=c", "t", env)
print(f(), env.x, x)
