local t = setmetatable({}, {__index = function(_, k) return k:upper() end})
print(string.gsub("abc def", "%a+", t))
