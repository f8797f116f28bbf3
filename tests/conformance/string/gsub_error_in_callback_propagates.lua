print(pcall(string.gsub, "abc", "b", function() error("boom") end))
local ok, e = pcall(string.gsub, "abc", "b", function() error({code = 1}) end)
print(ok, type(e), e.code)
