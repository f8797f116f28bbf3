print(pcall(function() return "v=" .. true end))
local flag = false
print(pcall(function() return flag .. "x" end))
