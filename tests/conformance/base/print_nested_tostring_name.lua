local t = setmetatable({}, {__name = "Thing"})
print((tostring(t):gsub(": 0x%x+", ": ADDR")))
