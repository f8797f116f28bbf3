local base = {greet = "hello"}
local t = setmetatable({}, {__index = base})
print(t.greet, t.missing, rawget(t, "greet"))
