local function f() return 1 + f() end
local ok, msg = pcall(f)
print(ok, msg:match("stack overflow") ~= nil)
