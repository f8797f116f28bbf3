local mt = {__lt = function(a, b) error("no order") end}
local t = {setmetatable({}, mt), setmetatable({}, mt)}
print(pcall(table.sort, t))
