local t = setmetatable({}, {__tostring = function() return 42 end})
print(string.format("%s", t))
local u = setmetatable({}, {__tostring = function() return {} end})
print(pcall(string.format, "%s", u))
