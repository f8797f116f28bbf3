local _, _, _, f = io.lines("lines_closes_at_end.data")
local n = 0
for l in io.lines("lines_closes_at_end.data") do n = n + 1 end
print(n, io.type(f))
local it, s, c, f2 = io.lines("lines_closes_at_end.data")
for l in it, s, c, f2 do end
print(io.type(f2))
f:close()
