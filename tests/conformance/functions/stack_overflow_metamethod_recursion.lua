local t = setmetatable({}, {__index = function(t, k) return t[k] end})
local ok, msg = pcall(function() return t.x end)
print(ok, msg:match("stack overflow") ~= nil)
