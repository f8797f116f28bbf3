local t = {a = {}}
local s = ("abc"):gsub("a", t)
