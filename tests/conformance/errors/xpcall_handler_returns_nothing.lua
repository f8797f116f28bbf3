print(xpcall(function() error("first") end, function(m) end))
print(select('#', xpcall(function() error("first") end, function(m) end)))
