-- a Lua function called in tail position replaces its caller: "(...tail calls...)"
local function show(f) print((select(2, xpcall(f, debug.traceback)))) end
local function a() error("x") end
local function b() return a() end
local function c() return b() end
local function d() c() end
show(d)
-- not tail calls: in a generic for, with a to-be-closed variable, in parentheses
show(function() for _ in pairs({1}) do return a() end end)
show(function() do local v <close> = nil; return a() end end)
show(function() return (a()) end)
-- a numeric for does not stop it
show(function() for i = 1, 2 do return a() end end)
-- a builtin called in tail position keeps its caller
show(function() return error("tail builtin") end)
