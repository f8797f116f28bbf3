local t = setmetatable({}, {__name = 42})
print((tostring(t):gsub("0x%x+", "ADDR")))
