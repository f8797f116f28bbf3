local ok, e = pcall(error, {})
print(pcall(function() return "x" .. e end))
