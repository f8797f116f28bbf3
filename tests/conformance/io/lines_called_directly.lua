local it = io.lines("lines_called_directly.data", "x")
print(pcall(it))
local ok, e = pcall(function() return it() end)
print(e)
