local n = 42
print(pcall(function() return n:rep(2) end))
print(("5"):rep(2), (5 .. ""):rep(2))
