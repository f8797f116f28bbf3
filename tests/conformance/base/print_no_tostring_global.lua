local t = setmetatable({}, {__tostring = function() return "mt used" end})
tostring = nil
print(t, 1, true)
