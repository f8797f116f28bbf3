local d = os.date
local ok, e = pcall(function() return d("%Q") end)
print(e)
