local function many() return 1, 2, 3 end
local function tail() return many() end
print(tail())
