-- how tracebacks name each function: globals, locals, upvalues, methods, fields, builtins
local function show(f, ...) print((select(2, xpcall(f, debug.traceback, ...)))) end
function globalfn() error("g") end
local obj = {}
function obj:meth() error("m") end
function obj.field() error("f") end
show(function() globalfn() end)
show(function() obj:meth() end)
show(function() obj.field() end)
show(function() local alias = globalfn; alias() end)
show(function() for k in function() error("iter") end do end end)
show(function() ("abc"):gsub("b", function(c) error("repl") end) end)
show(function() table.sort({3, 2, 1}, function(a, b) error("cmp") end) end)
show(function() string.rep() end)
show(function() local r = string.rep; r() end)
show(function() local co = coroutine.wrap(function() error("in co") end); co() end)
show(function() pcall(error) error("after") end)
print(debug.traceback("level 0", 0))
print(debug.traceback("level 1"))
print(debug.traceback("level 2", 2))
local function inner() local x = nil; return x.y end
local function outer() inner() end
show(outer)
