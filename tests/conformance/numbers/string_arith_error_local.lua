local s = "abc"
print(pcall(function() local x = s * 2 end))
local ok, msg = pcall(function() local t = "x"; return t - 1 end)
print(msg)
