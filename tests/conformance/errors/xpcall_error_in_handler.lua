local ok, e = xpcall(function() error("first") end, function(m) error("in handler") end)
print(ok, e)
