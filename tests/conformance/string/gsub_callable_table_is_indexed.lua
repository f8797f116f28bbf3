local t = setmetatable({}, {__call = function() return "CALLED" end})
print(string.gsub("abc", "b", t))
