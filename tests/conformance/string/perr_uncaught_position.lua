local s = "abc"
local x = 1
local r = s:find("[a")
