local function v() return 7 end
local x <const> = v()
print(x)
