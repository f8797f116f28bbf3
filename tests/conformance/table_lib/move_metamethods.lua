local log = {}
local src = setmetatable({}, {__index = function(_, k) log[#log + 1] = "r" .. k; return k * 10 end})
local dst = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = "w" .. k; rawset(t, k, v) end})
table.move(src, 1, 3, 5, dst)
print(table.concat(log, " "))
print(dst[5], dst[6], dst[7])
