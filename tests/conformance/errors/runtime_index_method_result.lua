local o = {get = function() end}
print(pcall(function() return o:get().x end))
