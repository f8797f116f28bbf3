-- a cycle: b requires a while a is loading; package.loaded.a is not set yet, so the
-- second require of a runs its loader again (as in Lua, modules guard themselves)
local loads = 0
package.preload.a = function()
  loads = loads + 1
  if loads == 1 then
    local b = require("b")
    return {b = b}
  end
  return "inner a"
end
package.preload.b = function() return {a = require("a")} end
local a = require("a")
print(loads, a.b.a)
