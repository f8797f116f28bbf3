print(pcall(load, function() error("reader failed") end))
local ok, f, e = pcall(load, function() error({}) end)
print(ok, f, type(e))
