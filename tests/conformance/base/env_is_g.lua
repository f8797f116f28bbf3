print(_ENV == _G)
local function f() return _ENV end
print(f() == _G)
