-- a metamethod is named by its event in a traceback
local function show(f) print((select(2, xpcall(f, debug.traceback)))) end
local function mt(event) return setmetatable({}, {[event] = function() error(event) end}) end
show(function() return mt("__add") + 1 end)
show(function() return 2 * mt("__mul") end)
show(function() return mt("__index").x end)
show(function() mt("__newindex").x = 1 end)
show(function() return #mt("__len") end)
show(function() return -mt("__unm") end)
show(function() return mt("__concat") .. "x" end)
show(function() local t = mt("__lt"); return t < t end)
show(function() local t = mt("__le"); return t <= t end)
show(function() return mt("__eq") == {} end)
show(function() return mt("__call")() end)
show(function() local c <close> = mt("__close") end)
