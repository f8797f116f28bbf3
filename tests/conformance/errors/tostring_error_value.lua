local ok, e = pcall(error, setmetatable({}, {__tostring = function() return "E!" end}))
print(ok, tostring(e))
