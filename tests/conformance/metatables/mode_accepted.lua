local weak = setmetatable({}, {__mode = "k"})
local v = setmetatable({}, {__mode = "v"})
local kv = setmetatable({}, {__mode = "kv"})
weak[1] = 1; v[1] = 1; kv[1] = 1
print(weak[1], v[1], kv[1])
