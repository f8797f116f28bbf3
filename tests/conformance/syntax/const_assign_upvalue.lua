local x <const> = 10
local function f() x = 1 end
