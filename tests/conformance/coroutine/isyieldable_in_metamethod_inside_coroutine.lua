local t = setmetatable({}, {__index = function() return coroutine.isyieldable() end})
local co = coroutine.wrap(function() return t.x end)
print(co())
print(t.x)
