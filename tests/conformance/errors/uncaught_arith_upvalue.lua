local total
local function add(n) total = total + n end
add(1)
