table.insert(package.searchers, 2, function(name)
  if name:match("^virtual%.") then
    return function(n, extra) return "virtual module " .. n .. " via " .. extra end, "custom"
  end
  return "\n\tnot virtual: " .. name
end)
print(require("virtual.one"))
package.path = "/nonexistent/?.lua"
-- only the preload and Lua-file searchers (assay loads no C modules)
package.searchers = {package.searchers[1], package.searchers[2]}
local ok, err = pcall(require, "real")
print(err)
