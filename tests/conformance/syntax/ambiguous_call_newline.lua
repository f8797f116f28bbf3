local f = function(x) return x end
local a = f
(print)("called")
