-- a long traceback shows the first 10 levels and the last 11
local function r(n) if n == 0 then local x = nil; return x.y end return 1 + r(n - 1) end
print((select(2, xpcall(r, debug.traceback, 40))))
print((select(2, xpcall(r, debug.traceback, 8))))
