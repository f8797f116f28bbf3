local t = setmetatable({}, {__name = "MyType"})
print((tostring(t):gsub("0x%x+", "ADDR")))
print((tostring(t):match("^MyType: ")))
