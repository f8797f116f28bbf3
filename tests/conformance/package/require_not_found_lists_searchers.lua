package.path = "/nonexistent/a/?.lua;/nonexistent/b/?/init.lua"
-- only the preload and Lua-file searchers (assay loads no C modules)
package.searchers = {package.searchers[1], package.searchers[2]}
local ok, err = pcall(require, "no.such")
print(ok)
print(err)
