local t = setmetatable({}, {__index = 5})
print(pcall(function() return t.x end))
