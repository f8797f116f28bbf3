local s = "x"
print(pcall(function() return s:rep() end))
print(pcall(function() return s:rep({}) end))
