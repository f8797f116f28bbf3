print(("x"):upper(), ("abc"):len(), ("%d"):format(5))
local s = "hello"
print(s:sub(2, 3), #s:rep(3))
