print(pcall(math.max))
print(pcall(math.min))
local ok, e = pcall(function() return math.max() end)
print(e)
