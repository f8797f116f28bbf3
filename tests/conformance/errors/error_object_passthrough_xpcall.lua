local obj = {}
print(select(2, xpcall(function() error(obj) end, function(e) return e == obj end)))
