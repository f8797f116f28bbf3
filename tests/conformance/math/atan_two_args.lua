print(math.atan(1, 1), math.atan(1, -1), math.atan(-1, -1), math.atan(-1, 1))
print(math.atan(0, -1), math.atan(-0.0, -1), math.atan(0, 0), math.atan(1, 0))
print(math.atan(math.huge, math.huge), math.atan(1, math.huge), math.atan(1, -math.huge))
print(math.atan(1, nil), math.atan("1", "2"))
-- called from Lua (not straight from pcall) so the message names the call site: lua5.4 names
-- a C function reached from pcall by searching package.loaded, where atan and atan2 are the same
print(pcall(function() return math.atan() end))
print(pcall(function() return math.atan(1, "x") end))
