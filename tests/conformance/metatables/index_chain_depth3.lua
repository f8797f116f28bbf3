local a = {x = "from a"}
local b = setmetatable({y = "from b"}, {__index = a})
local c = setmetatable({z = "from c"}, {__index = b})
local d = setmetatable({}, {__index = c})
print(d.x, d.y, d.z, d.w)
