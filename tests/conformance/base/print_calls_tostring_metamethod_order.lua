local log = {}
local function mk(n) return setmetatable({}, {__tostring = function() log[#log + 1] = n; return n end}) end
print(mk("a"), mk("b"), mk("c"))
print(table.concat(log))
