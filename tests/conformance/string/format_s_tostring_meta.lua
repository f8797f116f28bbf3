local t = setmetatable({}, {__tostring = function() return "OBJ" end})
print(string.format("%s|%5s|%-5s|", t, t, t))
local u = setmetatable({}, {__name = "MyType"})
print((string.format("%s", u):gsub("0x%x+", "ADDR")))
