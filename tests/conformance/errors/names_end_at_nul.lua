-- found by tests/fuzz: names in error messages are printed with %s, so they end at a "\0"
print(pcall(function() return ~("\0nul") end))
print(pcall(function() return ("a\0b") & 1 end))
print(pcall(function() local t = {} return t["x\0y"].z end))
print(pcall(function() local s <const> = "k\0z" return s() end))
print(pcall(function() local t = {} t["m\0n"]() end))
