local obj = {get = function() return nil end}
print(pcall(function() return obj:get() + 1 end))
print(pcall(function() return obj.get() + 1 end))
