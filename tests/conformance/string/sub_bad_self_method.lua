local t = setmetatable({}, {__index = string})
print(pcall(function() return t:sub(1) end))
