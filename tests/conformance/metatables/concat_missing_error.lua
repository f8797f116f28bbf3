local v = setmetatable({}, {})
print(pcall(function() return v .. "x" end))
