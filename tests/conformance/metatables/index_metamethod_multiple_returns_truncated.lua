local t = setmetatable({}, {__index = function() return 1, 2, 3 end})
print(t.x)
