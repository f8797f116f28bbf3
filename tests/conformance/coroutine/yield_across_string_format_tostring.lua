local obj = setmetatable({}, {__tostring = function() return coroutine.yield("fmt") end})
local co = coroutine.create(function() return string.format("%s", obj) end)
print(coroutine.resume(co))
