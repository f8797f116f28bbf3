-- error() and assert() called by their global names inside pcall: the message takes the
-- position of the call, as Lua's level 1 does; every other way of calling them keeps
-- Lua's rules (levels, aliases, redefined globals, non-string values)
local function show(...) print(select("#", ...), ...) end
show(pcall(function() error("plain") end))
show(pcall(function() error("level one", 1) end))
show(pcall(function() error("level zero", 0) end))
show(pcall(function() error(42) end))
show(pcall(function() error(setmetatable({}, { __tostring = function() return "T" end })) end) == false)
show(pcall(function() error() end))
show(pcall(function() error(nil, 1) end))
show(pcall(function() return error("tail") end))
show(pcall(function() error(
  "spread over lines"
) end))
local function inner() error("from inner", 2) end
show(pcall(function()
  inner()
end))
local e = error
show(pcall(function() e("through a local") end))
show(pcall(error, "direct"))
show(pcall(error, "direct with level", 2))
show(pcall(function() error(("%d items"):format(3)) end))
show(pcall(function() assert(false, "assert message") end))
show(pcall(function() assert(nil) end))
print(select(2, pcall(function() assert(false, { code = 7 }) end)).code)
show(pcall(function() return assert(1, 2, 3) end))
show(pcall(function() assert() end))
show(pcall(function() error("bad level", "x") end))
-- the same call site raising again and again keeps its position
for i = 1, 3 do show(pcall(function() error("again " .. i) end)) end
-- xpcall's handler sees the positioned message
show(xpcall(function() error("in xpcall") end, function(m) return "handled: " .. m end))
-- a redefined global error is called as any function
do
  local saved = error
  error = function(...) print("replacement", ...) return "r" end
  show(pcall(function() return error("not raised", 1) end))
  error = saved
end
show(pcall(function() error("restored") end))
-- inside a coroutine
local co = coroutine.wrap(function() return pcall(function() error("in coroutine") end) end)
show(co())
