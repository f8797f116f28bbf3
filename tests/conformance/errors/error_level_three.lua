local function a() error("deep", 3) end
local function b() a() end
local function c()
  b()
end
print(pcall(c))
