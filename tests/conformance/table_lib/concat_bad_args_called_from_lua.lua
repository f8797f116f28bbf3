local ok, e = pcall(function() return table.concat(42) end)
print(e)
ok, e = pcall(function() local tc = table.concat; return tc({}, true) end)
print(e)
