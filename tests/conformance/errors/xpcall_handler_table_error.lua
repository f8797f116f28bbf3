print(xpcall(function() error({1, 2, 3}) end, function(e) return #e end))
