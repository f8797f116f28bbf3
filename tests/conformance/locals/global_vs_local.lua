g = "global"
local g = "local"
print(g, _G.g, _ENV.g)
